using Execline.Native;

namespace Execline.Builtins.Jobs;

/// Signal names as skalibs knows them on Linux (its table order decides the name printed for a number).
public static class SignalNames
{
    static readonly (string Name, int Number)[] Table =
    [
        ("ABRT", Signal.SIGABRT), ("ALRM", Signal.SIGALRM), ("BUS", Signal.SIGBUS), ("CHLD", Signal.SIGCHLD),
        ("CONT", Signal.SIGCONT), ("FPE", Signal.SIGFPE), ("HUP", Signal.SIGHUP), ("ILL", Signal.SIGILL),
        ("INT", Signal.SIGINT), ("KILL", Signal.SIGKILL), ("PIPE", Signal.SIGPIPE), ("QUIT", Signal.SIGQUIT),
        ("SEGV", Signal.SIGSEGV), ("STOP", Signal.SIGSTOP), ("TERM", Signal.SIGTERM), ("TSTP", Signal.SIGTSTP),
        ("TTIN", Signal.SIGTTIN), ("TTOU", Signal.SIGTTOU), ("USR1", Signal.SIGUSR1), ("USR2", Signal.SIGUSR2),
        ("POLL", Signal.SIGPOLL), ("PROF", Signal.SIGPROF), ("SYS", Signal.SIGSYS), ("TRAP", Signal.SIGTRAP),
        ("URG", Signal.SIGURG), ("VTALRM", Signal.SIGVTALRM), ("XCPU", Signal.SIGXCPU), ("XFSZ", Signal.SIGXFSZ),
        ("IOT", Signal.SIGIOT), ("STKFLT", Signal.SIGSTKFLT), ("CLD", Signal.SIGCLD), ("WINCH", Signal.SIGWINCH),
        ("IO", Signal.SIGIO), ("PWR", Signal.SIGPWR),
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
