using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/mount.h>: mounting file systems.
public static unsafe partial class SysMount
{
    public const ulong MS_REMOUNT = 32;

    [LibraryImport(Libc.Name, SetLastError = true)]
    public static partial int mount(byte* source, byte* target, byte* type, ulong flags, byte* data);

    /// mount(2) with byte-string arguments; returns 0 or the errno.
    public static int Mount(string source, string target, string type, ulong flags, string data)
    {
        fixed (byte* s = Libc.C(source))
        fixed (byte* t = Libc.C(target))
        fixed (byte* ty = Libc.C(type))
        fixed (byte* d = Libc.C(data))
            return mount(s, t, ty, flags, d) < 0 ? Errno.Value : 0;
    }
}
