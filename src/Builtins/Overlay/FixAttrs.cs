using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// fix-attrs — applies the ownership and mode rules read from stdin, one a line:
///   path recurse account fmode dmode
/// path is a glob; recurse "true" descends into directories (dot-entries only when the container's
/// S6_FIX_ATTRS_HIDDEN is non-zero; symlinks are not followed, see TreeFixer); account is user,
/// user:group or either followed by ",uid:gid" whose parts stand in for names that are not found; a mode
/// of "-" leaves the mode alone.
/// Upstream's is an execline script; this is one builtin so a malformed line can be reported with its file
/// and line while the other lines are still applied. Exit 1 when not one whole line was read, else 0.
public sealed class FixAttrs : Builtin
{
    public override string Usage => "fix-attrs < rules";

    public override Outcome Run(Invocation inv)
    {
        int fd = inv.State.Fds.Real(0);
        var data = fd < 0 ? null : Unistd.ReadAll(fd, out int err);
        if (data == null) throw inv.DieErrno(111, "unable to read rules from stdin", fd < 0 ? 9 : Errno.Value);
        var text = Text.Bytes.Latin1(data);
        // As with upstream's forstdin loop, a last line without its newline is not a rule.
        int complete = text.LastIndexOf('\n');
        if (complete < 0) return Outcome.Exit(1);
        var source = InputName(fd);
        bool hidden = !(ContainerEnvironment.TryInteger(
            ContainerEnvironment.Get(inv.Env, "S6_FIX_ATTRS_HIDDEN") ?? "0", out var h) && h == 0);
        var rules = new Rules(inv, source, hidden);
        var lines = text.Substring(0, complete).Split('\n');
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].Length > 0) rules.Apply(lines[i], i + 1);
        return Outcome.Exit(0);
    }

    /// The file stdin reads from, for messages; "stdin" when it is a pipe or cannot be told.
    static string InputName(int fd)
    {
        var target = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        return target != null && target.StartsWith('/') ? target : "stdin";
    }

    /// One run over one input: applies its lines and reports on them.
    sealed class Rules(Invocation inv, string source, bool hidden)
    {
        public void Apply(string line, int number)
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5)
            {
                Malformed(number, $"{fields.Length} fields instead of 5 (path recurse account fmode dmode)");
                return;
            }
            var (pattern, recurse, account, fmode, dmode) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
            if (!TryMode(fmode, out int fileMode)) { Malformed(number, "invalid file mode: " + fmode); return; }
            if (!TryMode(dmode, out int dirMode)) { Malformed(number, "invalid directory mode: " + dmode); return; }

            int comma = account.IndexOf(',');
            var name = comma < 0 ? account : account.Substring(0, comma);
            var fallback = comma < 0 ? "" : account.Substring(comma + 1);
            int nextComma = fallback.IndexOf(',');
            if (nextComma >= 0) fallback = fallback.Substring(0, nextComma);
            var q = new UidGidQuery();
            // user:group names both and lets numbers stand for themselves; a bare name is a user.
            if (name.IndexOf(':') >= 0)
            {
                q.What = UidGidQuery.WantUid | UidGidQuery.WantGid;
                q.Numeric = true;
            }
            if (fallback.Length > 0 && !q.SetDefaults(fallback))
            {
                Malformed(number, "invalid fallback uid:gid: " + fallback);
                return;
            }
            var error = q.Resolve(name);
            if (error != null)
            {
                // upstream's words, from the s6-envuidgid its script runs
                inv.WriteErr($"s6-envuidgid: fatal: {error}\n");
                return;
            }
            Glob.Expand(pattern, Glob.GLOB_NOSORT, null, out var paths, out _);
            var attributes = new Attributes((int)q.Uid, (int)q.Gid, fileMode, dirMode, recurse == "true");
            var fixer = new TreeFixer(inv, attributes, hidden);
            bool literal = pattern.IndexOfAny(['*', '?', '[', '\\']) < 0;
            foreach (var path in paths) fixer.FixMatch(path, literal);
        }

        /// An absolute octal mode, or "-" (-1: no change).
        static bool TryMode(string s, out int mode)
        {
            mode = -1;
            if (s == "-") return true;
            if (!Octal.ScanFull(s, out var m)) return false;
            mode = (int)(m & SysStat.ALLPERMS);
            return true;
        }

        void Malformed(int number, string what) => inv.Warn($"{source} line {number}: {what}, line skipped");
    }
}
