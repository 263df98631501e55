using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Conditions;

/// The unary and binary tests of eltest, evaluated for one invocation (its cwd, environment and fds:
/// /dev/fd/N and the like name the invocation's descriptors). A file that cannot be stat'ed makes a file
/// test false, never an error. accessByMode answers -r, -w
/// and -x from the file's mode bits for its owner, group or others (s6-test's way) instead of access(2).
sealed class TestPrimaries(Invocation inv, bool accessByMode = false)
{

    public bool Unary(string op, string x) => op switch
    {
        "-n" => x.Length > 0,
        "-z" => x.Length == 0,
        "-e" => Access(x, Unistd.F_OK),
        "-r" => accessByMode ? ModeAllows(x, Unistd.R_OK) : Access(x, Unistd.R_OK),
        "-w" => accessByMode ? ModeAllows(x, Unistd.W_OK) : Access(x, Unistd.W_OK),
        "-x" => accessByMode ? ModeAllows(x, Unistd.X_OK) : Access(x, Unistd.X_OK),
        "-f" => IsType(x, SysStat.S_IFREG),
        "-d" => IsType(x, SysStat.S_IFDIR),
        "-b" => IsType(x, SysStat.S_IFBLK),
        "-c" => IsType(x, SysStat.S_IFCHR),
        "-p" => IsType(x, SysStat.S_IFIFO),
        "-S" => IsType(x, SysStat.S_IFSOCK),
        "-h" or "-L" => Path(x) is { } p && SysStat.StatPath(p, out var l, follow: false) == 0 && (l.Mode & SysStat.S_IFMT) == SysStat.S_IFLNK,
        "-u" => Stat(x) is { } st && (st.Mode & SysStat.S_ISUID) != 0,
        "-g" => Stat(x) is { } st && (st.Mode & SysStat.S_ISGID) != 0,
        "-k" => Stat(x) is { } st && (st.Mode & SysStat.S_ISVTX) != 0,
        "-s" => Stat(x) is { } st && st.Size > 0,
        "-O" or "-U" => Stat(x) is { } st && st.Uid == (uint)Unistd.geteuid(),
        "-G" => Stat(x) is { } st && st.Gid == (uint)Unistd.getegid(),
        // whole seconds: the real program compares st_mtime with st_atime
        "-N" => Stat(x) is { } st && st.Mtime > st.Atime,
        "-t" => IsTerminal(x),
        "-v" => IsSet(x),
        _ => throw new ArgumentException(op),
    };

    public bool Binary(string op, string a, string b) => op switch
    {
        "=" => string.CompareOrdinal(a, b) == 0,
        "!=" => string.CompareOrdinal(a, b) != 0,
        "<" => string.CompareOrdinal(a, b) < 0,
        "<=" => string.CompareOrdinal(a, b) <= 0,
        ">" => string.CompareOrdinal(a, b) > 0,
        ">=" => string.CompareOrdinal(a, b) >= 0,
        "-eq" => Compare(op, a, b) == 0,
        "-ne" => Compare(op, a, b) != 0,
        "-lt" => Compare(op, a, b) < 0,
        "-le" => Compare(op, a, b) <= 0,
        "-gt" => Compare(op, a, b) > 0,
        "-ge" => Compare(op, a, b) >= 0,
        // With a missing file the answers are upstream's, not symmetrical: first missing -> -nt false,
        // -ot true, -ef false; only the second missing -> -nt true, -ot false, -ef true.
        "-nt" => Stat(a) is not { } sa ? false : Stat(b) is not { } sb || sa.Mtime > sb.Mtime,
        "-ot" => Stat(a) is not { } sa ? true : Stat(b) is { } sb && sa.Mtime < sb.Mtime,
        "-ef" => Stat(a) is not { } sa ? false : Stat(b) is not { } sb || (sa.Dev == sb.Dev && sa.Ino == sb.Ino),
        "=~" => Matches(a, b),
        _ => throw new ArgumentException(op),
    };

    /// The path to look at for the script: null for a descriptor it does not have.
    string? Path(string path) => DescriptorPaths.InProcess(inv.State, path);

    bool Access(string path, int mode) => Path(path) is { } p && Unistd.Access(p, mode) == 0;

    SysStat.Stat? Stat(string path) => Path(path) is { } p && SysStat.StatPath(p, out var st) == 0 ? st : null;

    /// The permission's bit in the owner's triplet when we own the file, else the group's when it is our
    /// group, else the others'.
    bool ModeAllows(string path, int permission)
    {
        if (Stat(path) is not { } st) return false;
        int shift = st.Uid == (uint)Unistd.geteuid() ? 6 : st.Gid == (uint)Unistd.getegid() ? 3 : 0;
        return (st.Mode & (uint)(permission << shift)) != 0;
    }

    bool IsType(string path, uint type) => Stat(path) is { } st && (st.Mode & SysStat.S_IFMT) == type;

    int Compare(string op, string a, string b)
    {
        if (!TestNumbers.TryInt(a, out var x) || !TestNumbers.TryInt(b, out var y))
            throw inv.Die(100, $"{op} requires integer arguments");
        return x.CompareTo(y);
    }

    /// The fd is one of the modelled process's descriptors.
    bool IsTerminal(string word)
    {
        if (!Numbers.TryUnsigned(word, out var fd) || fd > uint.MaxValue) throw inv.Die(100, "-t requires an integer argument");
        if (fd > int.MaxValue) return false;
        int real = inv.State.Fds.Real((int)fd);
        return real >= 0 && Unistd.isatty(real) == 1;
    }

    /// As getenv(3) answers: an empty name is never set.
    bool IsSet(string name) =>
        name.Length > 0 && inv.Env.Entries.Any(e =>
            e.Length > name.Length && e[name.Length] == '=' && string.CompareOrdinal(e, 0, name, 0, name.Length) == 0);

    /// An extended regular expression, searched anywhere in the string.
    bool Matches(string s, string re)
    {
        using var rx = PosixRegex.Compile(re, PosixRegex.REG_EXTENDED | PosixRegex.REG_NOSUB, out int code, out var error);
        if (rx == null)
            throw inv.DieBare(code == PosixRegex.REG_ESPACE ? 111 : 100,
                $"unable to compile {re} into a regular expression: {error}");
        return rx.Match(s, 0, out _) == 0;
    }
}
