using Execline.Native;

namespace Execline.Runtime;

/// This program's own executable: the multi-call binary every builtin name points to.
public static class Self
{
    static string? _path;
    static ulong _dev, _ino;
    static bool _known;

    public static string Path => _path ??= System.IO.Path.GetFullPath(
        new FileInfo("/proc/self/exe").LinkTarget ?? Environment.ProcessPath ?? "/proc/self/exe");

    // Two plain fields rather than a nullable tuple, whose type would be built at run time on start-up.
    static void Identify()
    {
        if (_known) return;
        Libc.StatPath(Path, out var st);
        (_dev, _ino, _known) = (st.Dev, st.Ino, true);
    }

    /// True when path (following links) is this executable.
    public static bool Is(string path) =>
        Libc.StatPath(path, out var st) == 0 && Same(st);

    static bool Same(Libc.Stat st)
    {
        Identify();
        return st.Dev == _dev && st.Ino == _ino;
    }

    public static string BaseName(string path)
    {
        int i = path.LastIndexOf('/');
        return i < 0 ? path : path.Substring(i + 1);
    }

    /// The builtin a command name means: a bare name is looked up directly, a path only when it leads to us.
    public static Builtin? Builtin(string name)
    {
        if (name.IndexOf('/') < 0) return Registry.Find(name);
        var b = Registry.Find(BaseName(name));
        return b != null && Is(name) ? b : null;
    }
}
