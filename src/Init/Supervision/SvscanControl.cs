using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Supervision;

/// `.s6-svscan/` of a scandir, locked, with its control FIFO open: the first thing s6-svscan does, before
/// its own re-exec with signals blocked (the descriptors go across it), so that a client started with it
/// finds it listening as soon as it would find the real one. A scandir without `.s6-svscan/` gets one
/// made aside and renamed in with the FIFO open inside: whoever sees the directory can write to it (s6
/// makes the directory first, and a client in between reads "something is wrong with the directory").
sealed unsafe class SvscanControl
{
    public readonly LockFile Lock = new();
    public readonly ControlFifo Fifo = new();

    /// scandir as given (we have not moved into it yet). Returns 0, or the exit code with the reason in error.
    public int Open(string scandir, ProcessState st, out string error)
    {
        string dir = scandir + "/.s6-svscan";
        error = "";
        if (Adopt(dir, st)) return 0;
        if (SysStat.StatPath(dir, out _, follow: false) < 0 && Errno.Value == Errno.ENOENT) MakeAside(scandir, dir);
        if (Lock.Fd >= 0) return 0;
        int made, err;
        using (TemporaryUmask.Exact(SysStat.Mode0700))
        {
            made = SysStat.MakeDirectory(dir, SysStat.Mode0700);
            err = made < 0 ? Errno.Value : 0;
        }
        if (made < 0 && err != Errno.EEXIST) return Fail(111, "unable to mkdir .s6-svscan", err, out error);
        if (SysStat.StatPath(dir, out var sd) < 0 || (sd.Mode & SysStat.S_IFMT) != SysStat.S_IFDIR)
            return Fail(100, ".s6-svscan exists and is not a directory", 0, out error);
        err = Lock.Acquire(dir + "/lock", SysStat.Mode0600);
        if (err is Errno.EAGAIN or Errno.EACCES) return Fail(100, "another instance of s6-svscan is already running on the same directory", 0, out error);
        if (err != 0) return Fail(111, "unable to lock .s6-svscan/lock", err, out error);
        err = Fifo.Open(dir + "/control");
        if (err != 0)
        {
            Lock.Release();
            return Fail(111, "unable to mkfifo .s6-svscan/control", err, out error);
        }
        return 0;
    }

    static int Fail(int code, string text, int errno, out string error)
    {
        error = errno == 0 ? text : $"{text}: {Errno.StrError(errno)}";
        return code;
    }

    /// The directory made under a name of our own, locked, its FIFO open, then renamed into place. When
    /// anything fails (another instance got there first), what was made goes and the usual way follows.
    void MakeAside(string scandir, string dir)
    {
        string aside = $"{scandir}/.s6-svscan.{Environment.ProcessId}";
        int made;
        using (TemporaryUmask.Exact(SysStat.Mode0700)) made = SysStat.MakeDirectory(aside, SysStat.Mode0700);
        if (made < 0) return;
        bool placed = Lock.Acquire(aside + "/lock", SysStat.Mode0600) == 0 && Fifo.Open(aside + "/control") == 0
            && Stdio.Rename(aside, dir) == 0;
        if (placed) return;
        Fifo.Close();
        Lock.Release();
        Unistd.Unlink(aside + "/control");
        Unistd.Unlink(aside + "/lock");
        fixed (byte* p = Libc.C(aside)) Unistd.rmdir(p);
    }

    /// Before our re-exec: the two descriptors stay open across it (the lock with them).
    public void KeepAcrossExec(ProcessState st)
    {
        foreach (int fd in new[] { Lock.Fd, Fifo.Fd })
        {
            Fcntl.fcntl(fd, Fcntl.F_SETFD, 0);
            st.Fds.Set(fd, fd);
            RealFds.MarkInherited(fd);
        }
    }

    /// After our re-exec: the lock and FIFO descriptors we opened before it are found among the inherited
    /// ones and taken back (close-on-exec again, and no longer descriptors a child would get).
    bool Adopt(string dir, ProcessState st)
    {
        if (SysStat.StatPath(dir + "/lock", out var lk) < 0 || SysStat.StatPath(dir + "/control", out var ct) < 0) return false;
        int lockFd = -1, fifoFd = -1;
        foreach (int fd in RealFds.InheritedOpen())
        {
            if (fd < 3) continue;
            SysStat.Stat fs;
            if (SysStat.fstat(fd, &fs) < 0) continue;
            if (fs.Dev == lk.Dev && fs.Ino == lk.Ino) lockFd = fd;
            else if (fs.Dev == ct.Dev && fs.Ino == ct.Ino && (Fcntl.fcntl(fd, Fcntl.F_GETFL, 0) & 3) == Fcntl.O_RDWR) fifoFd = fd;
        }
        if (lockFd < 0 || fifoFd < 0 || Lock.Adopt(lockFd) != 0) return false;
        Fifo.Adopt(fifoFd);
        foreach (int fd in new[] { lockFd, fifoFd })
        {
            Fcntl.fcntl(fd, Fcntl.F_SETFD, Fcntl.FD_CLOEXEC);
            st.Fds.Close(fd);
            RealFds.InheritedOpen().Remove(fd);
        }
        return true;
    }

    public void Close()
    {
        Fifo.Close();
        Lock.Release();
    }
}
