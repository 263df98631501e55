using Execline.Native;

namespace Execline.Runtime;

/// This program's own executable: the multi-call binary every builtin name points to.
public static class Self
{
    static string? _path;
    static ulong _dev, _ino;
    static bool _known;

    public static string Path => _path ??= Program(System.IO.Path.GetFullPath(
        new FileInfo("/proc/self/exe").LinkTarget ?? Environment.ProcessPath ?? "/proc/self/exe"));

    /// /proc/self/exe names the path we were exec'd through. Installed, every command is a hard link to the
    /// program (usr/bin/NAME, bin/NAME), and a process of ours started from that path would take the
    /// command's name (ps, pgrep); the program's own path is lib/execline-cs/execline of that usr.
    static string Program(string exe)
    {
        if (BaseName(exe) == "execline" || SysStat.StatPath(exe, out var own) != 0) return exe;
        var dir = System.IO.Path.GetDirectoryName(exe) ?? "/";
        foreach (var candidate in new[] { "../lib/execline-cs/execline", "../usr/lib/execline-cs/execline" })
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, candidate));
            if (SysStat.StatPath(path, out var st) == 0 && st.Dev == own.Dev && st.Ino == own.Ino) return path;
        }
        return exe;
    }

    // Two plain fields rather than a nullable tuple, whose type would be built at run time on start-up.
    static void Identify()
    {
        if (_known) return;
        SysStat.StatPath(Path, out var st);
        (_dev, _ino, _known) = (st.Dev, st.Ino, true);
    }

    /// True when path (following links) is this executable.
    public static bool Is(string path) =>
        SysStat.StatPath(path, out var st) == 0 && Same(st);

    static bool Same(SysStat.Stat st)
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
