using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Logging;

/// s6-log's process loop: waits on the signalfd, stdin (unless the engine wants no input, or -b and
/// output is queued) and stdout (when output waits for it), or until the engine's next deadline.
sealed unsafe class LogLoop(LogEngine engine, int stdin, int signalFd, bool blocking, bool protect)
{

    bool _stdinOpen = true;
    readonly byte[] _buf = new byte[8192];

    public void Run()
    {
        var fds = stackalloc Poll.PollFd[3];
        while (true)
        {
            engine.Pump();
            if (engine.Done) return;
            if (engine.Exiting && _stdinOpen)
            {
                Unistd.close(stdin);
                _stdinOpen = false;
            }
            int n = 0, stdinIndex = -1;
            fds[n++] = new Poll.PollFd { Fd = signalFd, Events = Poll.POLLIN };
            if (engine.StdoutPending) fds[n++] = new Poll.PollFd { Fd = engine.StdoutFd, Events = Poll.POLLOUT };
            if (_stdinOpen && engine.ReadLimit > 0 && !(blocking && engine.HasPending))
            {
                stdinIndex = n;
                fds[n++] = new Poll.PollFd { Fd = stdin, Events = Poll.POLLIN };
            }
            long deadline = engine.NextDeadline;
            int timeout = deadline < 0 ? -1 : (int)Math.Clamp(deadline - LogContext.Now, 0, int.MaxValue);
            int r = Poll.poll(fds, n, timeout);
            if (r < 0)
            {
                if (Errno.Value == Errno.EINTR) continue;
                throw new Fatal(111, $"s6-log: fatal: unable to iopause: {Errno.StrError(Errno.Value)}");
            }
            if (fds[0].Revents != 0 && HandleSignal()) continue;
            if (stdinIndex >= 0 && fds[stdinIndex].Revents != 0) ReadInput();
        }
    }

    /// True when the logger stopped reading at once.
    bool HandleSignal()
    {
        int sig = SignalSet.Read(signalFd, out _, out _);
        if (sig < 0) throw new Fatal(111, $"s6-log: fatal: unable to selfpipe_read: {Errno.StrError(-sig)}");
        switch (sig)
        {
            case Signal.SIGALRM:
                engine.RotateNow();
                break;
            case Signal.SIGTERM when !protect:
            case Signal.SIGHUP:
                return engine.Stop();
            case Signal.SIGCHLD:
                while (Children.WaitAny(out var status, noHang: true) is int pid and > 0)
                    engine.ChildExited(pid, status);
                break;
        }
        return false;
    }

    void ReadInput()
    {
        nint n;
        fixed (byte* p = _buf) n = Unistd.read(stdin, p, Math.Min(_buf.Length, engine.ReadLimit));
        if (n > 0) engine.Feed(_buf.AsSpan(0, (int)n));
        else if (n == 0) engine.EndOfInput();
        else
        {
            int e = Errno.Value;
            if (e is Errno.EINTR or Errno.EAGAIN) return;
            engine.WarnUnable("read from stdin", e);
            engine.EndOfInput();
        }
    }
}
