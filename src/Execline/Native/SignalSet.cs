namespace Execline.Native;

/// A set of the signals 1..64 (bit sig-1, the kernel's own layout), and what a process does with one:
/// block it, read it back through a signalfd.
public readonly unsafe struct SignalSet
{
    const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    const int SFD_CLOEXEC = 0x80000;
    const int SetBytes = 128; // glibc's sigset_t; the kernel reads the first 8 bytes

    public readonly ulong Bits;

    public SignalSet(ulong bits) => Bits = bits;

    public bool Contains(int sig) => sig >= 1 && sig <= 64 && (Bits & (1UL << (sig - 1))) != 0;
    public SignalSet With(int sig) => sig >= 1 && sig <= 64 ? new(Bits | (1UL << (sig - 1))) : this;
    public SignalSet Without(int sig) => sig >= 1 && sig <= 64 ? new(Bits & ~(1UL << (sig - 1))) : this;
    public bool IsSubsetOf(SignalSet other) => (Bits & ~other.Bits) == 0;

    /// The signals blocked in the calling thread.
    public static SignalSet BlockedNow()
    {
        byte* old = stackalloc byte[SetBytes];
        Libc.sigprocmask(SIG_BLOCK, null, old);
        return new(*(ulong*)old);
    }

    /// The signals blocked and waiting, for the calling thread or the whole process.
    public static SignalSet PendingNow()
    {
        byte* set = stackalloc byte[SetBytes];
        Libc.sigpending(set);
        return new(*(ulong*)set);
    }

    /// Blocks the set in the calling thread. Threads started later inherit it; a program exec'd keeps it.
    public void Block() => Mask(SIG_BLOCK);
    public void Unblock() => Mask(SIG_UNBLOCK);
    /// Makes the set the calling thread's whole mask: a signal blocked before and after stays blocked.
    public void SetAsMask() => Mask(SIG_SETMASK);

    void Mask(int how)
    {
        byte* set = stackalloc byte[SetBytes];
        new Span<byte>(set, SetBytes).Clear();
        *(ulong*)set = Bits;
        Libc.sigprocmask(how, set, null);
    }

    /// A close-on-exec signalfd reading the set's signals (they must be blocked in every thread).
    public int OpenFd()
    {
        byte* set = stackalloc byte[SetBytes];
        new Span<byte>(set, SetBytes).Clear();
        *(ulong*)set = Bits;
        return Libc.signalfd(-1, set, SFD_CLOEXEC);
    }

    /// Reads one pending signal from a signalfd: its number (or -errno), who sent it and how.
    public static int Read(int fd, out int senderPid, out int code)
    {
        byte* info = stackalloc byte[128]; // struct signalfd_siginfo
        while (true)
        {
            nint n = Libc.read(fd, info, 128);
            if (n == 128)
            {
                code = *(int*)(info + 8);
                senderPid = *(int*)(info + 12);
                return *(int*)info;
            }
            int e = n < 0 ? Errno.Value : Errno.EIO;
            if (e == Errno.EINTR) continue;
            senderPid = code = 0;
            return -e;
        }
    }
}
