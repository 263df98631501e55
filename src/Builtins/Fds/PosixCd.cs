using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Fds;

/// posix-cd [ -L | -P ] [ - | path ] [ prog... ] — the POSIX cd: no operand means $HOME, "-" means $OLDPWD
/// (and prints where it went); a plain relative name is searched in $CDPATH (printed when found there).
/// Sets OLDPWD and PWD (-L: PWD is $PWD/path made canonical lexically; -P: the physical directory), then
/// execs prog (nothing: exit 0).
public sealed class PosixCd : Builtin
{
    public override string Usage => "posix-cd [ -L | -P ] [ - | path ] [ prog... ]";

    const int PathMax = 4096;

    public override Outcome Run(Invocation inv)
    {
        bool physical = false;
        var g = new Getopt(inv.Argv, "LP");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            physical = c == 'P';
        }
        int i = g.Index;
        var env = inv.Env;
        var st = inv.State;
        string? where;
        bool print = false;
        if (i >= inv.Argv.Count) where = env.Get("HOME");
        else
        {
            where = inv.Argv[i++];
            if (where == "-")
            {
                where = env.Get("OLDPWD");
                print = true;
            }
        }
        if (string.IsNullOrEmpty(where)) throw inv.Usage();

        var target = where;
        if (!IsExplicit(where))
        {
            var found = SearchCdPath(env.Get("CDPATH"), where, out var lastTried);
            if (found != null) print = true;
            // Upstream keeps the last candidate it tried when none is a directory, so that is what it uses.
            target = found ?? lastTried ?? where;
        }

        var cwd = Unistd.GetCwd();
        if (cwd == null) throw inv.DieErrno(111, "unable to getcwd", Errno.Value);
        env.Set("OLDPWD", cwd);

        var dir = target;
        string pwd = "";
        if (!physical)
        {
            var x = env.Get("PWD");
            var full = target;
            if (x != null && !target.StartsWith('/'))
                full = x + (x.Length > 0 && !x.EndsWith('/') ? "/" : "") + target;
            var canon = PathCanonical.Canonicalize(full, out var failed, out var err);
            if (canon == null) throw inv.DieErrno(111, $"unable to canonicalize {full}: problem with {failed}", err);
            env.Set("PWD", canon);
            dir = pwd = canon;
            // A path too long for chdir is tried relative to $PWD when it lies under it.
            if (canon.Length + 1 > PathMax && where.Length < PathMax && !string.IsNullOrEmpty(x) && canon.StartsWith(x))
            {
                bool slash = x.EndsWith('/');
                if (slash || (canon.Length > x.Length && canon[x.Length] == '/'))
                    dir = pwd = canon.Substring(x.Length + (slash ? 0 : 1));
            }
        }

        int e = RealProcess.ChangeDirectory(st, dir);
        if (e != 0) throw inv.DieErrno(111, $"unable to chdir to {where}", e);

        if (physical)
        {
            var now = Unistd.GetCwd();
            if (now == null) throw inv.DieErrno(111, "unable to getcwd", Errno.Value);
            env.Set("PWD", now);
            pwd = now;
        }
        if (print)
        {
            int w = inv.Write(1, pwd + "\n");
            if (w != 0) throw inv.DieErrno(111, "unable to write to stdout", w);
        }
        return inv.Exec(inv.Rest(i));
    }

    /// Absolute, or starting with "." or ".." as a whole component: not looked up in CDPATH.
    static bool IsExplicit(string p) =>
        p.StartsWith('/') || p == "." || p == ".." || p.StartsWith("./") || p.StartsWith("../");

    /// The first CDPATH entry holding where as a directory (an empty entry is "./"; a trailing empty
    /// entry is not looked at).
    static string? SearchCdPath(string? cdpath, string where, out string? lastTried)
    {
        lastTried = null;
        if (cdpath == null) return null;
        int pos = 0;
        while (pos < cdpath.Length)
        {
            int colon = cdpath.IndexOf(':', pos);
            int m = (colon < 0 ? cdpath.Length : colon) - pos;
            var entry = cdpath.Substring(pos, m);
            var candidate = m == 0 ? "./" + where : entry + (entry.EndsWith('/') ? "" : "/") + where;
            lastTried = candidate;
            if (SysStat.StatPath(candidate, out var s) == 0 && (s.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR) return candidate;
            pos += m + 1;
        }
        return null;
    }
}
