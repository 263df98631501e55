using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvDirs;

/// How one file of an environment directory becomes a value.
public enum ValueRule
{
    /// s6-envdir's rules: a first line or the whole file, chomped or not, at most 4095 bytes unless told.
    Skalibs,
    /// justc-envdir's: the whole file up to its first NUL, any size; an empty file is an empty value.
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

    const int MaxValue = 4095;
    const int ENOENT = 2, EIDRM = 43;

    /// The changes the directory asks for, or null with errno.
    public List<KeyValuePair<string, string?>>? Read(string dir, out int errno)
    {
        var names = Libc.ListDirectory(dir, out errno);
        if (names == null) return null;
        var changes = new List<KeyValuePair<string, string?>>();
        foreach (var name in names)
        {
            if (name[0] == '.' || name.IndexOf('=') >= 0) continue;
            var data = ReadFile(dir + "/" + name, out errno);
            if (data == null)
            {
                // the entry was listed a moment ago: its disappearance is not "no such directory"
                if (errno == ENOENT) errno = EIDRM;
                return null;
            }
            changes.Add(new(name, Value(data)));
        }
        errno = 0;
        return changes;
    }

    byte[]? ReadFile(string path, out int errno)
    {
        int fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            errno = Libc.Errno;
            return null;
        }
        var data = Libc.ReadAll(fd, out errno);
        Libc.close(fd);
        return data;
    }

    string? Value(byte[] raw)
    {
        if (Rule == ValueRule.WholeFile)
        {
            int nul = Array.IndexOf(raw, (byte)0);
            return Text.Bytes.Latin1(nul < 0 ? raw : raw.AsSpan(0, nul));
        }
        var data = raw.AsSpan(0, NoClamp ? raw.Length : Math.Min(raw.Length, MaxValue));
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
