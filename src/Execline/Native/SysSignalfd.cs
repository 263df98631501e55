using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/signalfd.h>: signals read from a descriptor, one struct signalfd_siginfo each.
public static unsafe partial class SysSignalfd
{
    public const int SFD_CLOEXEC = Fcntl.O_CLOEXEC;

    /// struct signalfd_siginfo: 128 bytes on every architecture; the fields we read come first.
    [StructLayout(LayoutKind.Sequential, Size = 128)]
    public struct Siginfo
    {
        public uint Signo;
        public int Errno, Code;
        public uint Pid, Uid;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int signalfd(int fd, Signal.SigSet* mask, int flags);
}
