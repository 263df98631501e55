namespace Execline.Builtins.PortableUtils;

/// POSIX basename and dirname as skalibs computes them: trailing slashes ignored, "" → ".", "/" → "/".
static class PathNames
{
    public static string Base(string path)
    {
        if (path.Length == 0) return ".";
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) return "/";
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    public static string Dir(string path)
    {
        if (path.Length == 0) return ".";
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) return "/";
        int slash = trimmed.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : trimmed[..slash];
    }
}
