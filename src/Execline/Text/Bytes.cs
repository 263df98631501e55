namespace Execline.Text;

/// Byte strings are carried as Latin-1 strings: one char per byte, so every byte survives a round trip.
public static unsafe class Bytes
{
    public static string Latin1(ReadOnlySpan<byte> b) => System.Text.Encoding.Latin1.GetString(b);

    static string Latin1(byte* p, int n) => Latin1(new ReadOnlySpan<byte>(p, n));

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
