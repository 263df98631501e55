using System.Runtime.InteropServices;

namespace Execline.Native;

/// <errno.h>: the error numbers we test for (Linux's, the same on x86_64 and aarch64), the errno a call
/// left, and what strerror says of one.
public static unsafe partial class Errno
{
    public const int EPERM = 1, ENOENT = 2, EINTR = 4, EIO = 5, ENXIO = 6, ENOEXEC = 8, EBADF = 9, EAGAIN = 11,
        EACCES = 13, EBUSY = 16, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24,
        ENOTTY = 25, EPIPE = 32, ERANGE = 34, ENOSYS = 38, ELOOP = 40, EIDRM = 43, EPROTO = 71, EOPNOTSUPP = 95,
        ETIMEDOUT = 110;

    /// errno as the last import declared with SetLastError left it.
    public static int Value => Marshal.GetLastPInvokeError();

    [LibraryImport(Libc.Name)] private static partial byte* strerror(int errnum);
    [LibraryImport(Libc.Name)] internal static partial int* __errno_location();

    public static string StrError(int errno)
    {
        byte* s = strerror(errno);
        return s == null ? $"errno {errno}" : Text.Bytes.FromCString(s);
    }
}
