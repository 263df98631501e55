using System.Runtime.InteropServices;

namespace Execline.Native;

/// <signal.h>: Linux's signal numbers (the same on x86_64 and aarch64), dispositions and masks.
public static unsafe partial class Signal
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGIOT = 6, SIGBUS = 7,
        SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15,
        SIGSTKFLT = 16, SIGCHLD = 17, SIGCLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22,
        SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29,
        SIGPOLL = 29, SIGPWR = 30, SIGSYS = 31;
    /// glibc's: the kernel's 32 and 33 are kept by glibc for itself (its thread cancellation and setxid).
    public const int SIGRTMIN = 34;
    /// si_code of a signal sent by tgkill (as the runtime interrupts its own threads).
    public const int SI_TKILL = -6;

    public const nint SIG_DFL = 0, SIG_IGN = 1;
    public const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

    /// glibc's sigset_t (1024 bits); the kernel reads the first 64.
    [StructLayout(LayoutKind.Sequential)]
    public struct SigSet
    {
        public ulong Bits;
        fixed ulong _rest[15];
    }

    /// struct sigaction as glibc lays it out on x86_64 and aarch64 alike.
    [StructLayout(LayoutKind.Sequential)]
    public struct Sigaction
    {
        public nint Handler;
        public SigSet Mask;
        public int Flags;
        public nint Restorer;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int kill(int pid, int sig);
    [LibraryImport(Libc.Name)] public static partial nint signal(int sig, nint handler);
    [LibraryImport(Libc.Name)] public static partial int sigaction(int sig, Sigaction* act, Sigaction* old);
    [LibraryImport(Libc.Name)] public static partial int sigprocmask(int how, SigSet* set, SigSet* old);
    [LibraryImport(Libc.Name)] public static partial int sigpending(SigSet* set);

    /// The runtime turns SIGINT, SIGQUIT and SIGTERM into a managed shutdown and ignores SIGPIPE; a chain
    /// must die of these signals the way a C program does. A signal our parent had us ignore stays ignored.
    public static void DefaultSignalDispositions()
    {
        Sigaction old;
        foreach (var sig in new[] { SIGINT, SIGQUIT, SIGTERM })
        {
            sigaction(sig, null, &old);
            if (old.Handler != SIG_IGN) signal(sig, SIG_DFL);
        }
        signal(SIGPIPE, SIG_DFL);
    }
}
