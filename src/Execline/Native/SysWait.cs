using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/wait.h>: reaping children (their status is read by Runtime.WaitStatus).
public static unsafe partial class SysWait
{
    public const int WNOHANG = 1;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int waitpid(int pid, int* status, int options);
}
