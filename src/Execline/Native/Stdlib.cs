using System.Runtime.InteropServices;

namespace Execline.Native;

/// <stdlib.h>: the path calls (realpath, mkdtemp) s6-rc's and s6-overlay's tools make.
public static unsafe partial class Stdlib
{
    const int PathMax = 4096;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial byte* realpath(byte* path, byte* resolved);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial byte* mkdtemp(byte* template);

    /// The canonical absolute path (links, `.` and `..` resolved), or null with errno.
    public static string? RealPath(string path)
    {
        byte* buf = stackalloc byte[PathMax];
        fixed (byte* p = Libc.C(path))
            return realpath(p, buf) == null ? null : Text.Bytes.FromCString(buf);
    }

    /// mkdtemp: template ends in XXXXXX, replaced by the name of the new directory (mode 0700); null with
    /// errno.
    public static string? MakeTempDirectory(string template)
    {
        var c = Libc.C(template);
        fixed (byte* p = c)
            return mkdtemp(p) == null ? null : Text.Bytes.Latin1(c.AsSpan(0, c.Length - 1));
    }
}
