using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/random.h>: the kernel's random bytes.
public static unsafe partial class SysRandom
{
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial nint getrandom(byte* buf, nint size, uint flags);
}
