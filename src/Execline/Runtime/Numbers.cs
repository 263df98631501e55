namespace Execline.Runtime;

/// skalibs' number scanning: "full unsigned decimal" is one or more digits and nothing else.
public static class Numbers
{
    public static bool TryUnsigned(string? s, out ulong value)
    {
        value = 0;
        if (string.IsNullOrEmpty(s)) return false;
        foreach (var c in s)
        {
            if (c < '0' || c > '9') return false;
            ulong next = value * 10 + (ulong)(c - '0');
            if (next / 10 != value) return false;
            value = next;
        }
        return true;
    }

    public static bool TryUInt(string? s, out int value)
    {
        value = 0;
        if (!TryUnsigned(s, out var v) || v > int.MaxValue) return false;
        value = (int)v;
        return true;
    }

    /// Leading octal digits; false when there is none.
    public static bool TryOctalPrefix(string s, out uint value)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '7')
        {
            uint next = value * 8 + (uint)(s[i] - '0');
            if (next < value) break;
            value = next;
            i++;
        }
        return i > 0;
    }

    /// skalibs' list of unsigned 16-bit codes separated by runs of ",:; \t\r\n"; false if none was read.
    public static bool TryCodeList(string s, out List<int> codes)
    {
        codes = new List<int>();
        int i = 0;
        while (codes.Count < 256)
        {
            while (i < s.Length && ",:; \t\r\n".IndexOf(s[i]) >= 0) i++;
            int start = i;
            uint v = 0;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9' && v <= 0xffff) v = v * 10 + (uint)(s[i++] - '0');
            if (i == start || v > 0xffff) break;
            codes.Add((int)v);
        }
        return codes.Count > 0;
    }
}
