namespace Execline.S6;

/// Signal names as skalibs knows them on Linux (its table order decides the name printed for a number).
public static class SignalNames
{
    static readonly (string Name, int Number)[] Table =
    [
        ("ABRT", 6), ("ALRM", 14), ("BUS", 7), ("CHLD", 17), ("CONT", 18), ("FPE", 8), ("HUP", 1), ("ILL", 4),
        ("INT", 2), ("KILL", 9), ("PIPE", 13), ("QUIT", 3), ("SEGV", 11), ("STOP", 19), ("TERM", 15), ("TSTP", 20),
        ("TTIN", 21), ("TTOU", 22), ("USR1", 10), ("USR2", 12), ("POLL", 29), ("PROF", 27), ("SYS", 31),
        ("TRAP", 5), ("URG", 23), ("VTALRM", 26), ("XCPU", 24), ("XFSZ", 25), ("IOT", 6), ("STKFLT", 16),
        ("CLD", 17), ("WINCH", 28), ("IO", 29), ("PWR", 30),
    ];

    /// A name (any case, SIG prefix optional) or a full decimal number that fits 32 bits.
    public static bool TryScan(string s, out uint sig) =>
        TryScanBare(s, out sig) || (s.Length > 3 && AsciiEqualsIgnoreCase(s.Substring(0, 3), "SIG") && TryScanBare(s.Substring(3), out sig));

    static bool TryScanBare(string s, out uint sig)
    {
        foreach (var (name, number) in Table)
            if (AsciiEqualsIgnoreCase(s, name))
            {
                sig = (uint)number;
                return true;
            }
        sig = 0;
        if (!Runtime.Numbers.TryUnsigned(s, out var v) || v > uint.MaxValue) return false;
        sig = (uint)v;
        return true;
    }

    public static string Name(uint sig)
    {
        foreach (var (name, number) in Table)
            if (number == sig) return name;
        return "???";
    }

    /// strcasecmp in the C locale: only ASCII letters fold.
    public static bool AsciiEqualsIgnoreCase(string a, string b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (Fold(a[i]) != Fold(b[i])) return false;
        return true;
    }

    static char Fold(char c) => c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
}
