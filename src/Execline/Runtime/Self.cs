using Execline.Native;

namespace Execline.Runtime;

/// This program's own executable: the multi-call binary every builtin name points to.
public static class Self
{
    static string? _path;
    static (ulong dev, ulong ino)? _id;

    public static string Path => _path ??= System.IO.Path.GetFullPath(
        new FileInfo("/proc/self/exe").LinkTarget ?? Environment.ProcessPath ?? "/proc/self/exe");

    static (ulong, ulong) Id
    {
        get
        {
            if (_id == null)
            {
                Libc.StatPath(Path, out var st);
                _id = (st.Dev, st.Ino);
            }
            return _id.Value;
        }
    }

    /// True when path (following links) is this executable.
    public static bool Is(string path) =>
        Libc.StatPath(path, out var st) == 0 && (st.Dev, st.Ino) == Id;

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
