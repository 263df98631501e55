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

    /// skalibs' list of unsigned 16-bit codes: a number, then any run of ",:; \t\r\n", then a number...
    /// A number takes digits only while it stays within 16 bits, so "65541" reads as 6554 then 1. Scanning
    /// stops at the first other char; false when not even one number could be read (",1" included).
    public static bool TryCodeList(string s, out List<int> codes)
    {
        codes = new List<int>();
        int i = 0;
        while (codes.Count < 256)
        {
            int start = i, v = 0;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9' && v * 10 + (s[i] - '0') <= 0xffff) v = v * 10 + (s[i++] - '0');
            if (i == start) break;
            codes.Add(v);
            while (i < s.Length && ",:; \t\r\n".IndexOf(s[i]) >= 0) i++;
        }
        return codes.Count > 0;
    }
}
