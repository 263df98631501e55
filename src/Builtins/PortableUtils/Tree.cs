using Execline.Native;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// Whole-hierarchy operations: remove (rm -rf) and copy (keeping types, modes and, when allowed, owners).
static class Tree
{
    /// Removes path and all below it. A missing path is not an error. Returns 0 or an errno.
    public static int Remove(string path)
    {
        int err = Files.Unlink(path);
        if (err == 0 || err == Errno.ENOENT) return 0;
        // Linux answers EISDIR for a directory; other systems EPERM
        if (err != Errno.EISDIR && err != Errno.EPERM) return err;
        bool isDir = err == Errno.EISDIR;
        var names = Dirent.ListDirectory(path);
        if (names == null)
        {
            int e = Errno.Value;
            return !isDir && e == Errno.ENOTDIR ? Errno.EPERM : e;
        }
        foreach (var name in names)
        {
            int r = Remove(path + "/" + name);
            if (r != 0) return r;
        }
        return Files.Rmdir(path);
    }

    /// Copies src to dst: regular files by content, directories recursively (dst may already be a
    /// directory), FIFOs, symlinks and device nodes recreated. Owner and mode follow the source (the owner
    /// only where allowed). Below the top, a file that cannot be copied is skipped, as upstream's does.
    /// Returns 0 or an errno; callers set the umask to 0 so modes come out exact.
    public static int Copy(string src, string dst)
    {
        var st = Files.Stat(src, out int err, follow: false);
        if (st is not { } s) return err;
        int type = (int)(s.Mode & SysStat.S_IFMT);
        int mode = (int)(s.Mode & SysStat.ALLPERMS);
        switch ((uint)type)
        {
            case SysStat.S_IFREG: err = CopyFile(src, dst, mode); break;
            case SysStat.S_IFDIR: err = CopyDirectory(src, dst, mode); break;
            case SysStat.S_IFIFO: err = Files.Mknod(dst, type | mode, 0); break;
            case SysStat.S_IFLNK:
                var target = Files.ReadLink(src, out err);
                if (target != null) err = Files.Symlink(target, dst);
                break;
            case SysStat.S_IFCHR or SysStat.S_IFBLK or SysStat.S_IFSOCK: err = Files.Mknod(dst, type | mode, s.Rdev); break;
            default: return Errno.EOPNOTSUPP;
        }
        if (err != 0) return err;
        Files.Chown(dst, (int)s.Uid, (int)s.Gid, follow: false);
        if ((uint)type != SysStat.S_IFLNK) Files.Chmod(dst, mode);
        return 0;
    }

    /// src, a directory, alone: made (or found) at dst with src's owner (where allowed) and mode, none of
    /// its entries copied. Returns 0 or an errno; callers set the umask to 0, as for Copy.
    public static int CopyDirectoryItself(string src, string dst)
    {
        var st = Files.Stat(src, out int err);
        if (st is not { } s) return err;
        if (!Files.IsType(s, SysStat.S_IFDIR)) return Errno.ENOTDIR;
        err = Files.Mkdir(dst, SysStat.Mode0700);
        if (err != 0 && err != Errno.EEXIST) return err;
        Files.Chown(dst, (int)s.Uid, (int)s.Gid, follow: false);
        return Files.Chmod(dst, (int)(s.Mode & SysStat.ALLPERMS));
    }

    static int CopyDirectory(string src, string dst, int mode)
    {
        var names = Dirent.ListDirectory(src);
        if (names == null) return Errno.Value;
        int err = Files.Mkdir(dst, SysStat.Mode0700);
        if (err != 0)
        {
            if (err != Errno.EEXIST) return err;
            var st = Files.Stat(dst, out err);
            if (st is not { } d) return err;
            if (!Files.IsType(d, SysStat.S_IFDIR)) return Errno.ENOTDIR;
        }
        foreach (var name in names) Copy(src + "/" + name, dst + "/" + name);
        return Files.Chmod(dst, mode);
    }

    [ThreadStatic] static byte[]? _buffer;

    /// dst (created or truncated) holding src's bytes.
    static int CopyFile(string src, string dst, int mode)
    {
        int from = Fcntl.Open(src, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (from < 0) return Errno.Value;
        int to = Fcntl.Open(dst, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, mode);
        if (to < 0)
        {
            int e = Errno.Value;
            Unistd.close(from);
            return e;
        }
        int err = Pump(from, to);
        Unistd.close(from);
        Unistd.close(to);
        return err;
    }

    /// Copies from one descriptor to another until end of file. Returns 0 or an errno.
    public static unsafe int Pump(int from, int to)
    {
        // One buffer per thread for every copy: a fresh one per file (a boot copies each service's files
        // twice) was 64 KiB zeroed each time, and a collection every thirty files.
        var buf = _buffer ??= GC.AllocateUninitializedArray<byte>(65536);
        while (true)
        {
            nint n;
            fixed (byte* p = buf) n = Unistd.read(from, p, buf.Length);
            if (n < 0)
            {
                int e = Errno.Value;
                if (e == Errno.EINTR) continue;
                return e;
            }
            if (n == 0) return 0;
            int w = Unistd.WriteAll(to, buf.AsSpan(0, (int)n));
            if (w != 0) return w;
        }
    }
}
