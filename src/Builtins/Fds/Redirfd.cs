using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// redirfd -[ r | w | u | a | x ] [ -n ] [ -b ] fd file prog... — open file (read, write-truncate, read-write,
/// append, or exclusive create; -n non-blocking, -b flip the blocking mode after opening) onto fd, exec prog.
public sealed class Redirfd : Builtin
{
    public override string Usage => "redirfd -[ r | w | u | a | x ] [ -n ] [ -b ] fd file prog...";

    const int Creating = Fcntl.O_APPEND | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_EXCL;

    public override Outcome Run(Invocation inv)
    {
        int flags = 0, what = -1;
        bool changeMode = false;
        var g = new Getopt(inv.Argv, "rwuaxnb");
        while (g.Next(out var c, out _))
        {
            // The last mode letter wins, -n and -b combine with any.
            switch (c)
            {
                case 'r': what = Fcntl.O_RDONLY; flags &= ~Creating; break;
                case 'w': what = Fcntl.O_WRONLY; flags = (flags & ~Creating) | Fcntl.O_CREAT | Fcntl.O_TRUNC; break;
                case 'u': what = Fcntl.O_RDWR; flags &= ~Creating; break;
                case 'a': what = Fcntl.O_WRONLY; flags = (flags & ~Creating) | Fcntl.O_CREAT | Fcntl.O_APPEND; break;
                case 'x': what = Fcntl.O_WRONLY; flags = (flags & ~Creating) | Fcntl.O_CREAT | Fcntl.O_EXCL; break;
                case 'n': flags |= Fcntl.O_NONBLOCK; break;
                case 'b': changeMode = true; break;
                default: throw inv.Usage();
            }
        }
        int i = g.Index;
        if (inv.Argv.Count - i < 3 || what == -1) throw inv.Usage();
        if (!FdOps.TryFd(inv.Argv[i], out var fd)) throw inv.Usage();
        var file = inv.Argv[i + 1];
        var st = inv.State;
        flags |= what;

        var path = DescriptorPaths.InProcess(st, file);
        if (path == null) throw inv.DieErrno(111, $"unable to open {file}", Errno.ENOENT);
        int real = Fcntl.Open(path, flags | Fcntl.O_CLOEXEC, SysStat.Mode0666);
        int err = real < 0 ? Errno.Value : 0;
        int readersOpen = 0;
        // A FIFO opened for writing without blocking and without a reader: become the reader for a moment.
        if (real < 0 && what == Fcntl.O_WRONLY && err == Errno.ENXIO)
        {
            int reader = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
            if (reader < 0) throw inv.DieErrno(111, $"unable to open_read {file}", Errno.Value);
            readersOpen = 1;
            real = Fcntl.Open(path, flags | Fcntl.O_CLOEXEC, SysStat.Mode0666);
            err = real < 0 ? Errno.Value : 0;
            Unistd.close(reader);
        }
        if (real < 0) throw inv.DieErrno(111, $"unable to open {file}", err);
        st.Own(real);
        // The number upstream's open would have returned: it names the descriptor in the move error.
        int opened = FdOps.NextFree(st, readersOpen);
        if (fd != opened && fd >= FdOps.Limit)
        {
            st.Release(real);
            throw inv.DieErrno(111, $"unable to move fd {opened} to fd {inv.Argv[i]}", Errno.EBADF);
        }
        FdOps.Place(st, (int)fd, real);
        if (changeMode)
        {
            int e = FdOps.SetNonBlockingReal(real, (flags & Fcntl.O_NONBLOCK) == 0);
            if (e != 0) throw inv.DieErrno(111, "unable to change blocking mode", e);
        }
        return inv.Exec(inv.Rest(i + 2));
    }
}
