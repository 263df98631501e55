namespace Execline.S6;

/// skalibs' octal scan into 32 bits: digits 0-7 from the start, stopping before one that would overflow.
public static class Octal
{
    /// How many characters were read (0: none) and their value.
    public static int Scan(string s, out uint value)
    {
        value = 0;
        int pos = 0;
        while (pos < s.Length && s[pos] >= '0' && s[pos] <= '7')
        {
            uint d = (uint)(s[pos] - '0');
            if (value > (uint.MaxValue - d) / 8) break;
            value = value * 8 + d;
            pos++;
        }
        return pos;
    }

    /// The whole string is octal digits that fit.
    public static bool ScanFull(string s, out uint value) => Scan(s, out value) is int n && n > 0 && n == s.Length;
}
