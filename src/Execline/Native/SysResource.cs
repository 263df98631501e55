using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/resource.h>: resource limits (the same numbers on x86_64 and aarch64).
public static unsafe partial class SysResource
{
    public const int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4,
        RLIMIT_RSS = 5, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8, RLIMIT_AS = 9;
    public const ulong RLIM_INFINITY = ulong.MaxValue;

    /// struct rlimit.
    [StructLayout(LayoutKind.Sequential)]
    public struct Rlimit
    {
        public ulong Cur, Max;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int getrlimit(int resource, Rlimit* rlim);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setrlimit(int resource, Rlimit* rlim);

    /// The soft limit of a resource, or -1 when it cannot be read.
    public static long SoftLimit(int resource)
    {
        Rlimit lim;
        return getrlimit(resource, &lim) < 0 ? -1 : (long)lim.Cur;
    }

    /// getrlimit: false (errno set) on failure.
    public static bool GetLimit(int resource, out ulong soft, out ulong hard)
    {
        Rlimit lim;
        bool ok = getrlimit(resource, &lim) == 0;
        (soft, hard) = (lim.Cur, lim.Max);
        return ok;
    }

    /// setrlimit: 0 or -1 (errno set).
    public static int SetLimit(int resource, ulong soft, ulong hard)
    {
        var lim = new Rlimit { Cur = soft, Max = hard };
        return setrlimit(resource, &lim);
    }
}
