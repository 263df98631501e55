using Execline.Native;
using Execline.Runtime;

namespace Execline.S6;

/// The descriptor system calls of the fd commands, done on the modelled table: they fail exactly where the
/// calls would fail in the process execline models, and never touch this process's own descriptors.
public static class FdOps
{

    /// skalibs' uint0_scan: digits only, within 32 bits. Numbers past int range name no descriptor.
    public static bool TryFd(string s, out long fd)
    {
        fd = 0;
        if (!Numbers.TryUnsigned(s, out var v) || v > uint.MaxValue) return false;
        fd = (long)v;
        return true;
    }

    public static long Limit
    {
        get
        {
            long l = SysResource.SoftLimit(SysResource.RLIMIT_NOFILE);
            return l < 0 ? int.MaxValue : l;
        }
    }

    /// Whether dup2 could put a descriptor at fd: within int range and below the soft limit.
    public static bool Fits(long fd)
    {
        long l = SysResource.SoftLimit(SysResource.RLIMIT_NOFILE);
        return fd <= int.MaxValue && (l < 0 || fd < l);
    }

    public static bool IsOpen(ProcessState st, long fd) => fd <= int.MaxValue && st.Fds.IsOpen((int)fd);

    /// dup2(from, to): returns 0 or an errno.
    public static int Dup2(ProcessState st, long from, long to)
    {
        if (!IsOpen(st, from) || to >= Limit) return Errno.EBADF;
        if (from == to) return 0;
        Place(st, (int)to, st.Fds.Real((int)from));
        return 0;
    }

    /// Puts a real descriptor at number fd, letting go of whatever stood there.
    public static void Place(ProcessState st, int fd, int real)
    {
        int old = st.Fds.Real(fd);
        st.Fds.Set(fd, real);
        st.Release(old);
    }

    /// skalibs' fd_move: to == from is a no-op; else dup2 then close from.
    public static int Move(ProcessState st, long to, long from)
    {
        if (to == from) return 0;
        int e = Dup2(st, from, to);
        if (e == 0) Close(st, from);
        return e;
    }

    /// skalibs' fd_copy: dup2, but to == from is EINVAL.
    public static int Copy(ProcessState st, long to, long from) => to == from ? Errno.EINVAL : Dup2(st, from, to);

    public static void Close(ProcessState st, long fd)
    {
        if (fd > int.MaxValue) return;
        int real = st.Fds.Real((int)fd);
        st.Fds.Close((int)fd);
        st.Release(real);
    }

    /// skalibs' ndelay_on / ndelay_off on the real descriptor behind fd: returns 0 or an errno.
    public static int SetNonBlocking(ProcessState st, long fd, bool on)
    {
        if (!IsOpen(st, fd)) return Errno.EBADF;
        return SetNonBlockingReal(st.Fds.Real((int)fd), on);
    }

    public static int SetNonBlockingReal(int real, bool on)
    {
        int got = Fcntl.fcntl(real, Fcntl.F_GETFL, 0);
        if (got < 0) return Errno.Value;
        bool isOn = (got & Fcntl.O_NONBLOCK) != 0;
        if (isOn == on) return 0;
        int r = Fcntl.fcntl(real, Fcntl.F_SETFL, on ? got | Fcntl.O_NONBLOCK : got & ~Fcntl.O_NONBLOCK);
        return r < 0 ? Errno.Value : 0;
    }

    /// The number the modelled process's next open would get, with skip more descriptors open first.
    public static int NextFree(ProcessState st, int skip = 0)
    {
        int fd = 0;
        while (true)
        {
            if (!st.Fds.IsOpen(fd) && skip-- == 0) return fd;
            fd++;
        }
    }
}
