using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// Descriptor numbers given on the command line (heredoc, piperw).
public static unsafe class FdNumber
{
    /// uint0_scan: the whole word is an unsigned 32-bit decimal.
    public static bool TryParse(string s, out long fd)
    {
        fd = 0;
        if (!Numbers.TryUnsigned(s, out var v) || v > uint.MaxValue) return false;
        fd = (long)v;
        return true;
    }

    /// Whether dup2 could put a descriptor there: below the soft RLIMIT_NOFILE.
    public static bool Fits(long fd)
    {
        long* lim = stackalloc long[2];
        return fd <= int.MaxValue && (Libc.getrlimit(7, lim) < 0 || fd < lim[0]);
    }

    public const int EBADF = 9;
}
