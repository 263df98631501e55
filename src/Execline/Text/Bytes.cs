namespace Execline.Text;

/// Byte strings are carried as Latin-1 strings: one char per byte, so every byte survives a round trip.
public static unsafe class Bytes
{
    public static string Latin1(ReadOnlySpan<byte> b) => System.Text.Encoding.Latin1.GetString(b);

    public static byte[] ToBytes(string s) => System.Text.Encoding.Latin1.GetBytes(s);

    public static string FromCString(byte* s)
    {
        int n = 0;
        while (s[n] != 0) n++;
        return System.Text.Encoding.Latin1.GetString(s, n);
    }
}
