using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/prctl.h>: process attributes.
public static unsafe partial class SysPrctl
{
    public const int PR_SET_CHILD_SUBREAPER = 36;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int prctl(int option, nuint a2, nuint a3, nuint a4, nuint a5);
}
