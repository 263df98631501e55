using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6-setlock [ -r | -w ] [ -n | -N | -t timeout ] lockfile prog... — exec prog holding a POSIX record
/// lock (fcntl, never flock) on the whole of lockfile: exclusive on a file opened for writing (-w, the
/// default), shared on one opened for reading (-r); either is created if missing. -N waits for the lock
/// (the default), -n fails at once with exit 1 when it is taken, -t gives up with exit 1 after timeout
/// milliseconds. The lock's descriptor stays open in prog, which holds the lock as long as it runs.
/// A lock belongs to a process: inside a block run in ours, this becomes a process of its own.
public sealed class SetLock : Builtin
{
    public override string Usage => "s6-setlock [ -r | -w ] [ -n | -N | -t timeout ] lockfile prog...";

    const int Wait = 0, NoWait = 1, Timeout = 2;

    public override Outcome Run(Invocation inv)
    {
        int mode = Wait, timeout = 0;
        bool exclusive = true;
        var g = new Getopt(inv.Argv, "nNrwt:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': mode = NoWait; break;
                case 'N': mode = Wait; break;
                case 'r': exclusive = false; break;
                case 'w': exclusive = true; break;
                case 't': if (!Numbers.TryUInt(arg, out timeout)) throw inv.Usage(); mode = Timeout; break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var file = inv.Argv[g.Index];
        int fd = OpenLockFile(inv, file, exclusive);
        if (mode == Timeout)
        {
            if (!Locks.Poll(fd, exclusive, timeout)) throw inv.DieErrno(1, "unable to acquire lock", Errno.ETIMEDOUT);
        }
        else
        {
            int r = Locks.Take(fd, exclusive, mode == Wait);
            if (r != 0) throw inv.DieErrno(1, "unable to lock " + file, r < 0 ? Errno.EBUSY : r);
        }
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }

    /// The descriptor the lock goes on; not close-on-exec, so prog inherits it.
    static int OpenLockFile(Invocation inv, string file, bool exclusive)
    {
        const int create = Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_NONBLOCK;
        if (exclusive)
        {
            int w = Fcntl.Open(file, create, SysStat.Mode0666);
            if (w < 0) throw inv.DieErrno(111, $"unable to open {file} for writing", Errno.Value);
            return w;
        }
        int fd = Fcntl.Open(file, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK);
        if (fd >= 0) return fd;
        if (Errno.Value != Errno.ENOENT) throw inv.DieErrno(111, $"unable to open {file} for reading", Errno.Value);
        int made = Fcntl.Open(file, create, SysStat.Mode0666);
        if (made < 0) throw inv.DieErrno(111, "unable to create " + file, Errno.Value);
        Unistd.close(made);
        fd = Fcntl.Open(file, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK);
        if (fd < 0) throw inv.DieErrno(111, $"unable to open {file} for reading", Errno.Value);
        return fd;
    }
}
