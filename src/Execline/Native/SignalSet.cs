namespace Execline.Native;

/// A set of the signals 1..64 (bit sig-1, the kernel's own layout), and what a process does with one:
/// block it, read it back through a signalfd.
public readonly unsafe struct SignalSet
{
    public readonly ulong Bits;

    public SignalSet(ulong bits) => Bits = bits;

    public bool Contains(int sig) => sig >= 1 && sig <= 64 && (Bits & (1UL << (sig - 1))) != 0;
    public SignalSet With(int sig) => sig >= 1 && sig <= 64 ? new(Bits | (1UL << (sig - 1))) : this;
    public SignalSet Without(int sig) => sig >= 1 && sig <= 64 ? new(Bits & ~(1UL << (sig - 1))) : this;
    public bool IsSubsetOf(SignalSet other) => (Bits & ~other.Bits) == 0;

    /// The signals blocked in the calling thread.
    public static SignalSet BlockedNow()
    {
        Signal.SigSet old;
        Signal.sigprocmask(Signal.SIG_BLOCK, null, &old);
        return new(old.Bits);
    }

    /// The signals blocked and waiting, for the calling thread or the whole process.
    public static SignalSet PendingNow()
    {
        Signal.SigSet set;
        Signal.sigpending(&set);
        return new(set.Bits);
    }

    /// Blocks the set in the calling thread. Threads started later inherit it; a program exec'd keeps it.
    public void Block() => Mask(Signal.SIG_BLOCK);
    public void Unblock() => Mask(Signal.SIG_UNBLOCK);
    /// Makes the set the calling thread's whole mask: a signal blocked before and after stays blocked.
    public void SetAsMask() => Mask(Signal.SIG_SETMASK);

    /// As a sigset_t (the bits past 64 clear).
    public Signal.SigSet ToNative() => new() { Bits = Bits };

    void Mask(int how)
    {
        var set = ToNative();
        Signal.sigprocmask(how, &set, null);
    }

    /// A close-on-exec signalfd reading the set's signals (they must be blocked in every thread).
    public int OpenFd()
    {
        var set = ToNative();
        return SysSignalfd.signalfd(-1, &set, SysSignalfd.SFD_CLOEXEC);
    }

    /// Reads one pending signal from a signalfd: its number (or -errno), who sent it and how.
    public static int Read(int fd, out int senderPid, out int code)
    {
        SysSignalfd.Siginfo info;
        while (true)
        {
            nint n = Unistd.read(fd, (byte*)&info, sizeof(SysSignalfd.Siginfo));
            if (n == sizeof(SysSignalfd.Siginfo))
            {
                code = info.Code;
                senderPid = (int)info.Pid;
                return (int)info.Signo;
            }
            int e = n < 0 ? Errno.Value : Errno.EIO;
            if (e == Errno.EINTR) continue;
            senderPid = code = 0;
            return -e;
        }
    }
}
