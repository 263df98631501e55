using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvDirs;

/// How one file of an environment directory becomes a value.
public enum ValueRule
{
    /// s6-envdir's rules: a first line or the whole file, chomped or not, at most 4095 bytes unless told.
    Skalibs,
    /// justc-envdir's: the whole file up to its first NUL; an empty file is an empty value.
    WholeFile,
}

/// Reads an environment directory: one variable per file, named after it. Names starting with a dot or
/// holding an equals sign are skipped. The result is in readdir order, a null value meaning "unset".
public sealed class EnvDir
{
    public ValueRule Rule = ValueRule.Skalibs;
    /// Whole content instead of the first line (-f).
    public bool Verbatim;
    /// Keep trailing blanks or the final newline (-n).
    public bool NoChomp;
    /// No 4095-byte limit (-L).
    public bool NoClamp;
    /// What a NUL byte in a value becomes.
    public char NullIs = '\n';
    /// Why the last Read failed when it was not a system error: a value past Bound.
    public string? Refusal;

    const int MaxValue = 4095;
    /// What a read without skalibs' clamp (-L, justc-envdir) takes at most of one file. Upstream reads
    /// without bound, so /dev/zero or a huge file exhausts its memory; the kernel hands no program a
    /// string past 128 KiB anyway, so anything larger only reaches in-process chains.
    public const int Bound = 4 << 20;
    public const string BoundText = "4 MiB";

    /// The changes the directory asks for, or null with errno (0 with Refusal set when a value was too long).
    public List<KeyValuePair<string, string?>>? Read(string dir, out int errno)
    {
        Refusal = null;
        var names = Dirent.ListDirectory(dir, out errno);
        if (names == null) return null;
        var changes = new List<KeyValuePair<string, string?>>();
        foreach (var name in names)
        {
            if (name[0] == '.' || name.IndexOf('=') >= 0) continue;
            var path = dir + "/" + name;
            var data = ReadFile(path, out errno);
            if (data == null)
            {
                // the entry was listed a moment ago: its disappearance is not "no such directory"
                if (errno == Errno.ENOENT) errno = Errno.EIDRM;
                return null;
            }
            if (PastBound(data))
            {
                Refusal = $"unable to read {path}: value longer than {BoundText} (the limit)";
                errno = 0;
                return null;
            }
            changes.Add(new(name, Value(data)));
        }
        errno = 0;
        return changes;
    }

    byte[]? ReadFile(string path, out int errno)
    {
        bool clamped = Rule == ValueRule.Skalibs && !NoClamp;
        // As skalibs: the clamped read opens as open(2) does (a FIFO waits for its writer); the others open
        // without waiting and then read blocking, so a FIFO with no writer reads as empty.
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC | (clamped ? 0 : Fcntl.O_NONBLOCK));
        if (fd < 0)
        {
            errno = Errno.Value;
            return null;
        }
        if (!clamped) Fcntl.fcntl(fd, Fcntl.F_SETFL, Fcntl.O_RDONLY);
        bool firstLine = Rule == ValueRule.Skalibs && !Verbatim;
        var data = ReadUpTo(fd, clamped ? MaxValue : Bound + 1, firstLine && !clamped, out errno);
        Unistd.close(fd);
        return data;
    }

    /// Whether what the value is taken from runs past Bound (only an unclamped read can get that far).
    bool PastBound(byte[] data)
    {
        if (data.Length <= Bound) return false;
        if (Rule == ValueRule.WholeFile || Verbatim) return true;
        int nl = Array.IndexOf(data, (byte)'\n');
        return nl < 0 || nl > Bound;
    }

    [ThreadStatic] static byte[]? _scratch;

    /// At most limit bytes of fd, fewer at its end or, with toNewline, once a newline has been read;
    /// null with errno on a read error.
    static unsafe byte[]? ReadUpTo(int fd, int limit, bool toNewline, out int errno)
    {
        errno = 0;
        // The first 4 KiB are read into a buffer kept for the next file: a fresh one for each of a
        // directory's files was most of what a script of s6-envdir backticks allocated.
        var buf = _scratch ??= new byte[4096];
        int len = 0;
        while (len < limit)
        {
            if (len == buf.Length) Array.Resize(ref buf, Math.Min(limit, buf.Length * 2));
            nint n;
            fixed (byte* p = buf) n = Unistd.read(fd, p + len, Math.Min(buf.Length, limit) - len);
            if (n < 0)
            {
                if (Errno.Value == Errno.EINTR) continue;
                errno = Errno.Value;
                return null;
            }
            if (n == 0) break;
            bool sawNewline = toNewline && buf.AsSpan(len, (int)n).IndexOf((byte)'\n') >= 0;
            len += (int)n;
            if (sawNewline) break;
        }
        return buf.AsSpan(0, len).ToArray();
    }

    string? Value(byte[] raw)
    {
        if (Rule == ValueRule.WholeFile)
        {
            int nul = Array.IndexOf(raw, (byte)0);
            return Text.Bytes.Latin1(nul < 0 ? raw : raw.AsSpan(0, nul));
        }
        var data = raw.AsSpan();
        if (data.Length == 0) return null;
        int len;
        if (Verbatim)
        {
            len = data.Length;
            if (!NoChomp && data[len - 1] == '\n') len--;
        }
        else
        {
            int nl = data.IndexOf((byte)'\n');
            // Without the limit, skalibs reads a line at a time: a last line with no newline is dropped
            // unless -n keeps it.
            if (nl < 0 && NoClamp && !NoChomp) return "";
            len = nl < 0 ? data.Length : nl;
            if (!NoChomp)
                while (len > 0 && data[len - 1] is (byte)' ' or (byte)'\t' or (byte)'\r') len--;
        }
        var value = Text.Bytes.Latin1(data.Slice(0, len));
        return value.IndexOf('\0') < 0 ? value : value.Replace('\0', NullIs);
    }

    /// Applies changes to env in order.
    public static void Apply(Environ env, List<KeyValuePair<string, string?>> changes)
    {
        foreach (var (name, value) in changes)
        {
            if (value == null) env.Unset(name);
            else env.Set(name, value);
        }
    }
}
