using Execline.Native;

namespace Execline.S6;

/// The path-taking system calls the file commands make, each returning 0 or the errno it failed with.
/// Relative paths resolve against this process's cwd: callers sync it with the modelled state first.
public static unsafe class Files
{
    static int Result(int r) => r < 0 ? Errno.Value : 0;

    public static int Mkdir(string path, int mode)
    {
        fixed (byte* p = Libc.C(path)) return Result(SysStat.mkdir(p, mode));
    }

    public static int Rmdir(string path)
    {
        fixed (byte* p = Libc.C(path)) return Result(Unistd.rmdir(p));
    }

    public static int Unlink(string path)
    {
        fixed (byte* p = Libc.C(path)) return Result(Unistd.unlink(p));
    }

    public static int Rename(string from, string to)
    {
        fixed (byte* f = Libc.C(from))
        fixed (byte* t = Libc.C(to))
            return Result(Stdio.rename(f, t));
    }

    public static int Chmod(string path, int mode)
    {
        fixed (byte* p = Libc.C(path)) return Result(SysStat.chmod(p, mode));
    }

    /// -1 leaves an id unchanged.
    public static int Chown(string path, int uid, int gid, bool follow = true)
    {
        fixed (byte* p = Libc.C(path)) return Result(follow ? Unistd.chown(p, uid, gid) : Unistd.lchown(p, uid, gid));
    }

    public static int Symlink(string target, string path)
    {
        fixed (byte* t = Libc.C(target))
        fixed (byte* p = Libc.C(path))
            return Result(Unistd.symlink(t, p));
    }

    /// A hard link; followLink makes a link to what a symlink points to rather than to the symlink.
    public static int Link(string from, string to, bool followLink)
    {
        fixed (byte* f = Libc.C(from))
        fixed (byte* t = Libc.C(to))
            return Result(Unistd.linkat(Fcntl.AT_FDCWD, f, Fcntl.AT_FDCWD, t, followLink ? Fcntl.AT_SYMLINK_FOLLOW : 0));
    }

    public static int Mknod(string path, int mode, ulong dev)
    {
        fixed (byte* p = Libc.C(path)) return Result(SysStat.mknod(p, mode, dev));
    }

    public static int Chroot(string path)
    {
        fixed (byte* p = Libc.C(path)) return Result(Unistd.chroot(p));
    }

    /// What a symlink points to, or null (errno set in err).
    public static string? ReadLink(string path, out int err)
    {
        for (int size = 256; ; size *= 4)
        {
            var buf = new byte[size];
            nint n;
            fixed (byte* p = Libc.C(path))
            fixed (byte* b = buf)
                n = Unistd.readlink(p, b, size);
            if (n < 0) { err = Errno.Value; return null; }
            err = 0;
            if (n < size) return Text.Bytes.Latin1(buf.AsSpan(0, (int)n));
        }
    }

    /// The file's type and mode bits, or null when it cannot be stat'ed (errno in err).
    public static SysStat.Stat? Stat(string path, out int err, bool follow = true)
    {
        if (SysStat.StatPath(path, out var st, follow) < 0) { err = Errno.Value; return null; }
        err = 0;
        return st;
    }

    public static bool IsType(SysStat.Stat st, uint type) => (st.Mode & SysStat.S_IFMT) == type;
}
