using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Overlay;

/// What one fix-attrs rule sets: owner, the mode of files and of directories (-1: unchanged), and whether
/// directories are entered.
readonly record struct Attributes(int Uid, int Gid, int FileMode, int DirMode, bool Recurse);

/// Applies one rule to the paths it matched. A symlink is never followed, neither to enter a directory nor
/// to chown or chmod what it points to, and is left as it is; the one exception is a path the rule names
/// literally, which is followed as s6-overlay v2 follows every link (v2 also follows the links it finds
/// while recursing: one planted in a fixed tree hands its target to the rule's owner, and two links to
/// their own directory multiply without end). Every call names an entry of a directory held open, so a
/// link swapped in during the walk is not followed either, and each inode is visited once.
/// With stopAtFirstError (s6-overlay v3, whose script runs under sh -e), the first failure ends the walk.
sealed unsafe class TreeFixer(Invocation inv, Attributes attributes, bool hidden, bool stopAtFirstError = false)
{
    /// A mode column that is no octal mode (v3): s6-chmod's usage error, when a path needs that mode.
    public const int InvalidMode = -2;

    readonly HashSet<(ulong Dev, ulong Ino)> _visited = [];

    /// The exit code of the tool whose words the first failure was reported in (0: none yet).
    public int Failure { get; private set; }

    bool Stopped => stopAtFirstError && Failure != 0;

    void Fail(int code, string line)
    {
        inv.WriteErr(line);
        if (Failure == 0) Failure = code;
    }

    /// path is one match of the rule's pattern; literal when the pattern has no wildcard.
    public void FixMatch(string path, bool literal) => Fix(Fcntl.AT_FDCWD, path, path, literal);

    /// name is an entry of the directory open on dirFd (or a path, with AT_FDCWD); shown is its path for messages.
    void Fix(int dirFd, string name, string shown, bool follow)
    {
        int noFollow = follow ? 0 : Fcntl.AT_SYMLINK_NOFOLLOW;
        SysStat.Stat st;
        int err;
        bool found;
        fixed (byte* p = Libc.C(name))
        {
            found = SysStat.fstatat(dirFd, p, &st, noFollow) == 0;
            if (!found) err = Errno.Value;
            else if ((st.Mode & SysStat.S_IFMT) == SysStat.S_IFLNK || !_visited.Add((st.Dev, st.Ino))) return;
            else err = Unistd.fchownat(dirFd, p, attributes.Uid, attributes.Gid, noFollow) == 0 ? 0 : Errno.Value;
        }
        // upstream's words, from the s6-chown its script runs first (so it is also what reports a path gone)
        if (err != 0) Fail(111, $"s6-chown: fatal: unable to chown {shown}: {Errno.StrError(err)}\n");
        if (!found || Stopped) return;
        bool isDir = (st.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR;
        int mode = isDir ? attributes.DirMode : attributes.FileMode;
        if (mode == InvalidMode) Fail(100, "s6-chmod: usage: s6-chmod mode file\n");
        else if (mode >= 0)
        {
            fixed (byte* p = Libc.C(name)) err = SysStat.fchmodat(dirFd, p, mode, noFollow) == 0 ? 0 : Errno.Value;
            if (err != 0) Fail(111, $"s6-chmod: fatal: unable to change mode of {shown}: {Errno.StrError(err)}\n");
        }
        if (isDir && attributes.Recurse && !Stopped) Enter(dirFd, name, shown, follow);
    }

    void Enter(int dirFd, string name, string shown, bool follow)
    {
        int fd;
        fixed (byte* p = Libc.C(name))
            fd = Fcntl.openat(dirFd, p, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC | (follow ? 0 : Fcntl.O_NOFOLLOW), 0);
        int err = fd < 0 ? Errno.Value : 0;
        var names = fd < 0 ? null : Dirent.ListDirectory(fd, out err);
        if (names == null)
            Fail(111, $"s6-ls: fatal: unable to open directory {shown}: {Errno.StrError(err)}\n");
        else
            foreach (var entry in names)
            {
                if (Stopped) break;
                if (hidden || entry[0] != '.') Fix(fd, entry, shown + "/" + entry, follow: false);
            }
        if (fd >= 0) Unistd.close(fd);
    }
}
