namespace Execline.Text;

/// Byte strings are carried as Latin-1 strings: one char per byte, so every byte survives a round trip.
public static unsafe class Bytes
{
    public static string Latin1(ReadOnlySpan<byte> b)
    {
        fixed (byte* p = b) return Latin1(p, b.Length);
    }

    // Filled in place right after allocation: string.Create would instantiate generic code at run time,
    // and this runs for every argument and variable at start-up.
    static string Latin1(byte* p, int n)
    {
        if (n == 0) return "";
        var s = new string('\0', n);
        fixed (char* d = s)
            for (int i = 0; i < n; i++) d[i] = (char)p[i];
        return s;
    }

    public static byte[] ToBytes(string s)
    {
        var b = new byte[s.Length];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        return b;
    }

    public static string FromCString(byte* s)
    {
        int n = 0;
        while (s[n] != 0) n++;
        return Latin1(s, n);
    }
}
