using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/pidfd.h>: a descriptor for a process. Through syscall(2), as glibc only wraps it from 2.36 on.
public static unsafe partial class SysPidfd
{
    const long SYS_pidfd_open = 434; // the same number on every architecture

    [LibraryImport(Libc.Name, EntryPoint = "syscall", SetLastError = true)] private static partial long syscall2(long number, long a, long b);

    /// A descriptor that becomes readable when process pid ends, or -1 (errno set).
    public static int pidfd_open(int pid, uint flags = 0) => (int)syscall2(SYS_pidfd_open, pid, flags);
}
