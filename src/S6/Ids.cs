namespace Execline.S6;

/// skalibs' scanning of uids and gids: 32-bit unsigned decimal, digits taken while the value fits.
public static class Ids
{
    /// Reads a number at s[from..]; returns how many chars it took (0: none).
    public static int Scan(string s, int from, out uint value)
    {
        value = 0;
        int i = from;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            ulong next = value * 10UL + (uint)(s[i] - '0');
            if (next > uint.MaxValue) break;
            value = (uint)next;
            i++;
        }
        return i - from;
    }

    /// The whole of s is one number.
    public static bool TryFull(string s, out uint value) => Scan(s, 0, out value) is int n && n > 0 && n == s.Length;

    /// A list of numbers separated by runs of ",:; \t\r\n", up to max of them. Returns how many chars were
    /// read; scanning stops at the first thing that is not a number.
    public static int ScanList(string s, int max, List<uint> into)
    {
        int len = 0;
        while (len < s.Length && into.Count < max)
        {
            int w = Scan(s, len, out var v);
            if (w == 0) break;
            into.Add(v);
            len += w;
            while (len < s.Length && ",:; \t\r\n".IndexOf(s[len]) >= 0) len++;
        }
        return len;
    }

    public static string Format(List<uint> ids) => string.Join(",", ids);
}
