using Execline.Native;

namespace Execline.Runtime;

/// Where a program name leads: execvp's PATH walk, as execline does it.
public static class ProgramLookup
{

    public static IEnumerable<string> Candidates(string name, string? path)
    {
        if (name.IndexOf('/') >= 0)
        {
            yield return name;
            yield break;
        }
        foreach (var dir in (path ?? "/usr/bin:/bin").Split(':'))
            if (dir.Length > 0) yield return dir + "/" + name;
    }

    /// Tries each candidate with attempt (returning 0 or an errno) the way execvp does: ENOENT moves on,
    /// permission-like errors are remembered and move on, anything else stops. Returns the final errno.
    /// An absolute candidate of the PATH that is not there is passed over without an attempt: a spawn
    /// costs a clone to learn ENOENT (six of them for a CMD in /bin under s6-overlay's PATH).
    public static int Walk(string name, string? path, Func<string, int> attempt)
    {
        int remembered = 0, last = Errno.ENOENT;
        bool searched = name.IndexOf('/') < 0;
        foreach (var c in Candidates(name, path))
        {
            if (searched && c[0] == '/' && Unistd.Access(c, Unistd.F_OK) < 0 && Errno.Value == Errno.ENOENT) continue;
            int e = attempt(c);
            if (e == 0) return 0;
            last = e;
            if (e == Errno.ENOENT) continue;
            if (e is Errno.EACCES or Errno.EPERM or Errno.EISDIR or Errno.ENOTDIR) { remembered = e; continue; }
            return e;
        }
        return remembered != 0 ? remembered : last;
    }

    public static int ExitCodeFor(int errno) => errno == Errno.ENOENT ? 127 : 126;

    /// The first candidate that is an executable regular file, if any (a descriptor's path seen through
    /// state's table, when given).
    public static string? FirstExecutable(string name, string? path, ProcessState? state = null)
    {
        foreach (var c in Candidates(name, path))
        {
            var file = state == null ? c : DescriptorPaths.InProcess(state, c);
            if (file != null && SysStat.StatPath(file, out var st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFREG
                && Unistd.Access(file, Unistd.X_OK) == 0)
                return c;
        }
        return null;
    }
}
