using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/mman.h>: memfd_create, files that live in memory.
public static unsafe partial class SysMman
{
    public const uint MFD_CLOEXEC = 1;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int memfd_create(byte* name, uint flags);

    /// An anonymous in-memory file holding data, positioned at its start; -1 on failure (errno set).
    public static int MemoryFile(string name, ReadOnlySpan<byte> data)
    {
        int fd;
        fixed (byte* p = Libc.C(name)) fd = memfd_create(p, MFD_CLOEXEC);
        if (fd < 0) return -1;
        if (Unistd.WriteAll(fd, data) != 0 || Unistd.lseek(fd, 0, Unistd.SEEK_SET) < 0)
        {
            Unistd.close(fd);
            return -1;
        }
        return fd;
    }
}
