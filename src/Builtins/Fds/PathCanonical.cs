using Execline.Native;

namespace Execline.Builtins.Fds;

/// skalibs' lexical path canonicalisation as posix-cd -L uses it: repeated slashes and "." go, ".." removes
/// the previous component, after checking that the component it removes is a directory. A relative path keeps
/// the ".." that climb above its start.
static class PathCanonical
{
    /// The canonical path, or null with the prefix that failed the check and the errno.
    public static string? Canonicalize(string path, out string failed, out int errno)
    {
        failed = "";
        errno = 0;
        bool absolute = path.StartsWith('/');
        var outp = new System.Text.StringBuilder();
        int depth = 0;
        var components = path.Split('/');
        foreach (var comp in components)
        {
            if (comp.Length == 0 || comp == ".") continue;
            if (comp != "..")
            {
                if (outp.Length > 0) outp.Append('/');
                outp.Append(comp);
                depth++;
                continue;
            }
            if (depth > 0)
            {
                depth--;
                // What ".." climbs out of must be a directory.
                var left = (absolute ? "/" : "") + outp;
                if (SysStat.StatPath(left, out var st) < 0) { failed = left; errno = Errno.Value; return null; }
                if ((st.Mode & SysStat.S_IFMT) != SysStat.S_IFDIR) { failed = left; errno = Errno.ENOTDIR; return null; }
                int cut = outp.ToString().LastIndexOf('/');
                outp.Length = cut < 0 ? 0 : cut;
            }
            else if (!absolute)
            {
                if (outp.Length > 0) outp.Append('/');
                outp.Append("..");
            }
        }
        if (absolute) return "/" + outp;
        return outp.Length == 0 ? "." : outp.ToString();
    }
}
