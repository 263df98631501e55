using System.Runtime.InteropServices;

namespace Execline.Native;

/// <stdlib.h>: what we call of it.
public static unsafe partial class Stdlib
{
    const int PathMax = 4096;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial byte* realpath(byte* path, byte* resolved);

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
}
