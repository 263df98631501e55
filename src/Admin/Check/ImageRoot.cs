using Execline.Native;

namespace Execline.Admin.Check;

/// An image's root directory seen from where the check runs: paths inside the image (`/etc/...`) are
/// resolved as the image's own processes would resolve them, symlinks included, an absolute link target
/// being taken from the image's root, never from the host's.
sealed class ImageRoot(string path)
{
    /// The root's host path without a trailing slash ("" for /).
    readonly string _root = path.TrimEnd('/');

    /// How many links one lookup may follow, as the kernel's limit (ELOOP past it).
    const int MaxLinks = 40;

    /// The host path of a path inside the image, without the links in it, or null when some component
    /// does not exist or the links loop.
    public string? Resolve(string inside)
    {
        var done = new List<string>();
        var todo = new Stack<string>(Components(inside).Reverse());
        int links = 0;
        while (todo.Count > 0)
        {
            var part = todo.Pop();
            if (part == "..")
            {
                if (done.Count > 0) done.RemoveAt(done.Count - 1);
                continue;
            }
            var host = Host(done) + "/" + part;
            if (SysStat.StatPath(host, out var st, follow: false) != 0) return null;
            if ((st.Mode & SysStat.S_IFMT) != SysStat.S_IFLNK)
            {
                done.Add(part);
                continue;
            }
            if (++links > MaxLinks) return null;
            var target = Unistd.ReadLink(host);
            if (target == null) return null;
            if (target.StartsWith('/')) done.Clear();
            foreach (var p in Components(target).Reverse()) todo.Push(p);
        }
        return Host(done) is "" ? "/" : Host(done);
    }

    /// The host path of a path inside the image, its links not followed (for listing the image's own
    /// directories, which are rarely links).
    public string Host(string inside) => _root + "/" + inside.TrimStart('/');

    /// A host path below the root as the image sees it; other paths unchanged.
    public string Inside(string host) =>
        _root.Length > 0 && host.StartsWith(_root + "/", StringComparison.Ordinal) ? host[_root.Length..] : host;

    /// Text naming host paths below the root (an error message), with the image's paths in their place.
    public string InsideText(string text) => _root.Length > 0 ? text.Replace(_root + "/", "/") : text;

    string Host(List<string> parts) => parts.Count == 0 ? _root : _root + "/" + string.Join('/', parts);

    static IEnumerable<string> Components(string path) => path.Split('/').Where(p => p.Length > 0 && p != ".");

    /// A file's mode, links followed inside the image; null when it does not resolve.
    public uint? Mode(string inside)
    {
        var host = Resolve(inside);
        return host != null && SysStat.StatPath(host, out var st) == 0 ? st.Mode : null;
    }

    public bool IsRegularFile(string inside) => Mode(inside) is { } m && (m & SysStat.S_IFMT) == SysStat.S_IFREG;

    public bool IsDirectory(string inside) => Mode(inside) is { } m && (m & SysStat.S_IFMT) == SysStat.S_IFDIR;

    /// A file the kernel would exec: regular, with an execute bit.
    public bool IsExecutableFile(string inside) =>
        Mode(inside) is { } m && (m & SysStat.S_IFMT) == SysStat.S_IFREG && (m & 0b001_001_001) != 0;

    public byte[]? Read(string inside) => Resolve(inside) is { } host ? Unistd.ReadFile(host) : null;

    /// The names in a directory of the image, sorted as the init's globs sort them; empty when it is
    /// missing.
    public IReadOnlyList<string> List(string inside)
    {
        var host = Resolve(inside);
        if (host == null || Dirent.ListDirectory(host, out _) is not { } names) return [];
        names.Sort(string.CompareOrdinal);
        return names;
    }
}
