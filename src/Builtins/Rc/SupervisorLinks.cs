using System.Numerics;
using Execline.Native;
using Execline.S6;

namespace Execline.Builtins.Rc;

/// What s6's s6_supervise_link does for s6-rc-init and s6-rc-update: each service directory not yet
/// supervised gets a `down` file (it must not start before s6-rc says so) and its `event/` fifodir, which
/// we subscribe to; a link to it goes into the scandir (PREFIXNAME); s6-svscan is told to rescan (after
/// the first link, each doubling, every Early links, and the last); then we wait until each new
/// supervisor has said `s` (it is listening). Works with any s6-svscan, ours or s6's, as it only uses the
/// scandir and the supervisors' on-disk interface.
static class SupervisorLinks
{
    /// s6-svscan is told to rescan after every this many links too (and the first ones), not only after
    /// the last.
    const int Early = 16;

    /// 0 or an errno: ENXIO when no s6-svscan runs on the scandir, ETIMEDOUT past the deadline
    /// (Environment.TickCount64 milliseconds, long.MaxValue for none).
    /// prepare, when given, makes service i's directory just before it is linked (0 or an errno).
    public static int Link(string scandir, IReadOnlyList<(string Dir, string Name)> services, string prefix, long deadline,
        Func<int, int>? prepare = null)
    {
        var listeners = new List<FtrigListener>();
        int linked = 0;
        try
        {
            int gid = Unistd.getegid();
            for (int i = 0; i < services.Count; i++)
            {
                var (dir, name) = services[i];
                int err = prepare?.Invoke(i) ?? 0;
                if (err != 0) return err;
                int supervised = Supervised.Check(dir, out err);
                if (supervised < 0) return err;
                if (supervised == 0)
                {
                    int fd = Fcntl.Open(dir + "/down", Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC, SysStat.Mode0666);
                    if (fd < 0) return Errno.Value;
                    Unistd.close(fd);
                    err = FifoDir.Create(dir + "/event", gid);
                    if (err != 0) return err;
                    listeners.Add(FtrigListener.Subscribe(dir + "/event", out err) ?? throw new LinkFailed(err));
                }
                err = Files.Symlink(dir, $"{scandir}/{prefix}{name}");
                if (err != 0 && (supervised == 0 || err != Errno.EEXIST)) return err;
                // The supervisor sets the first ones up while we link the rest: at fifty services that
                // was the boot's longest wait, one process idle while the other worked. It is told at
                // once, then after each doubling, so that it is busy from the first link on (it sets a
                // service up more slowly than we link one) without a scan of the whole scandir per link.
                if (BitOperations.IsPow2(++linked) || linked % Early == 0) ControlFifo.Send(scandir, ".s6-svscan", "a", out _);
            }
            switch (ControlFifo.Send(scandir, ".s6-svscan", "a", out int sendErr))
            {
                case Delivery.NotListening: return Errno.ENXIO;
                case Delivery.Sent: break;
                default: return sendErr != 0 ? sendErr : Errno.EINVAL;
            }
            return WaitStarted(listeners, deadline);
        }
        catch (LinkFailed f)
        {
            return f.Errno;
        }
        finally
        {
            foreach (var l in listeners) l.Dispose();
        }
    }

    sealed class LinkFailed(int errno) : Exception
    {
        public int Errno { get; } = errno;
    }

    /// Until every listener has seen `s`: 0, or ETIMEDOUT, or the errno of a failed read. Each wake-up
    /// reads every listener that has something, not one (fifty new supervisors said `s` in fifty polls
    /// of up to fifty descriptors).
    static int WaitStarted(List<FtrigListener> listeners, long deadline)
    {
        var waiting = new List<FtrigListener>(listeners);
        var ready = new HashSet<int>();
        while (waiting.Count > 0)
        {
            int ms = deadline == long.MaxValue ? -1 : (int)Math.Clamp(deadline - Environment.TickCount64, 0, int.MaxValue);
            ready.Clear();
            int n = Poll.WaitReadable(waiting.Select(l => l.Fd).ToList(), ms, ready);
            if (n == -2) return Errno.Value;
            if (n == 0)
            {
                if (ms == 0) return Errno.ETIMEDOUT;
                continue;
            }
            for (int i = waiting.Count - 1; i >= 0; i--)
            {
                if (!ready.Contains(waiting[i].Fd)) continue;
                var events = waiting[i].ReadAvailable(out int err);
                if (events == null) return err;
                if (Array.IndexOf(events, (byte)'s') >= 0) waiting.RemoveAt(i);
            }
        }
        return 0;
    }
}
