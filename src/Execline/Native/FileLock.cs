namespace Execline.Native;

/// POSIX record locks (fcntl) on a whole file: the kind skarnet's tools take and test, which a flock()
/// lock is invisible to. A process holds such a lock until it closes ANY descriptor of the file.
public static unsafe partial class FileLock
{
    const int F_SETLK = 6;
    const short F_WRLCK = 1;

    [System.Runtime.InteropServices.LibraryImport("libc.so.6", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int fcntl(int fd, int cmd, void* flock);

    /// Takes an exclusive lock without waiting: 0, or the errno (EAGAIN or EACCES when someone holds it).
    public static int TryExclusive(int fd)
    {
        // struct flock on LP64: l_type, l_whence (shorts), l_start, l_len (off_t), l_pid
        byte* fl = stackalloc byte[32];
        new Span<byte>(fl, 32).Clear();
        *(short*)fl = F_WRLCK;
        return fcntl(fd, F_SETLK, fl) < 0 ? Libc.Errno : 0;
    }
}
