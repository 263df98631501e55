using System.Runtime.InteropServices;

namespace Execline.Native;

/// <stdlib.h>: the path calls (realpath, mkdtemp) s6-rc's tools and s6-overlay's make.
public static unsafe partial class Stdlib
{
    const int PathMax = 4096;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial byte* realpath(byte* path, byte* resolved);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial byte* mkdtemp(byte* template);

    /// The path with every link, "." and ".." resolved, or null (errno in err).
    public static string? RealPath(string path, out int err)
    {
        var buf = new byte[PathMax];
        fixed (byte* p = Libc.C(path))
        fixed (byte* b = buf)
        {
            if (realpath(p, b) == null) { err = Errno.Value; return null; }
            err = 0;
            return Text.Bytes.FromCString(b);
        }
    }

    /// The canonical absolute path (links, `.` and `..` resolved), or null with errno.
    public static string? RealPath(string path)
    {
        byte* buf = stackalloc byte[PathMax];
        fixed (byte* p = Libc.C(path))
            return realpath(p, buf) == null ? null : Text.Bytes.Latin1(new ReadOnlySpan<byte>(buf, Strlen(buf)));
    }

    /// mkdtemp: template ends in XXXXXX, replaced by the name of the new directory (mode 0700); null with
    /// errno.
    public static string? MakeTempDirectory(string template)
    {
        var c = Libc.C(template);
        fixed (byte* p = c)
            return mkdtemp(p) == null ? null : Text.Bytes.Latin1(c.AsSpan(0, c.Length - 1));
    }

    static int Strlen(byte* s)
    {
        int n = 0;
        while (s[n] != 0) n++;
        return n;
    }
}
