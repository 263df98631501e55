using System.Runtime.InteropServices;

namespace Execline.Native;

/// <glob.h>: pathname expansion as the C library does it.
public static unsafe partial class Glob
{
    public const int GLOB_ERR = 1, GLOB_MARK = 2, GLOB_NOSORT = 4, GLOB_NOCHECK = 16, GLOB_NOESCAPE = 64;
    public const int GLOB_NOSPACE = 1, GLOB_ABORTED = 2, GLOB_NOMATCH = 3;

    /// glob_t (72 bytes on x86_64 and aarch64): the matches, then glibc's offsets, flags and the
    /// GLOB_ALTDIRFUNC callbacks, which we leave unset.
    [StructLayout(LayoutKind.Sequential)]
    struct GlobT
    {
        public nuint PathCount;
        public byte** Paths;
        public nuint Offs;
        public int Flags;
        fixed ulong _callbacks[5];
    }

    [LibraryImport(Libc.Name, SetLastError = true)] private static partial int glob(byte* pattern, int flags, delegate* unmanaged<byte*, int, int> errfunc, GlobT* pglob);
    [LibraryImport(Libc.Name)] private static partial void globfree(GlobT* pglob);

    [ThreadStatic] static Action<string, int>? _globError;

    [UnmanagedCallersOnly]
    static int GlobError(byte* path, int err)
    {
        _globError?.Invoke(Text.Bytes.FromCString(path), err);
        // the C callback leaves errno as the error it reported
        *Errno.__errno_location() = err;
        return 0;
    }

    /// glob(3): the paths matched (in glob's own order), glob's return value, and errno when it failed.
    /// onError (if given) is told of each directory that could not be read; globbing goes on.
    public static int Expand(string pattern, int flags, Action<string, int>? onError, out List<string> paths, out int errno)
    {
        paths = new List<string>();
        GlobT g = default;
        _globError = onError;
        int r;
        try
        {
            fixed (byte* p = Libc.C(pattern))
                r = glob(p, flags, onError == null ? null : &GlobError, &g);
            errno = Errno.Value;
        }
        finally
        {
            _globError = null;
        }
        if (r == 0)
        {
            for (nuint i = 0; i < g.PathCount; i++) paths.Add(Text.Bytes.FromCString(g.Paths[i]));
            globfree(&g);
        }
        return r;
    }
}
