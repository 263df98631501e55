using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// fix-attrs — applies the ownership and mode rules read from stdin, one a line:
///   path recurse account fmode dmode
/// (FixAttrsRule); recursion reaches dot-entries only when the container's S6_FIX_ATTRS_HIDDEN is non-zero,
/// and symlinks are not followed (see TreeFixer).
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
            var rule = FixAttrsRule.Parse(line, out var malformed);
            if (rule == null)
            {
                Malformed(number, malformed!);
                return;
            }
            var q = new UidGidQuery();
            // user:group names both and lets numbers stand for themselves; a bare name is a user.
            if (rule.Account.IndexOf(':') >= 0)
            {
                q.What = UidGidQuery.WantUid | UidGidQuery.WantGid;
                q.Numeric = true;
            }
            if (rule.Fallback.Length > 0) q.SetDefaults(rule.Fallback);
            var error = q.Resolve(rule.Account);
            if (error != null)
            {
                // upstream's words, from the s6-envuidgid its script runs
                inv.WriteErr($"s6-envuidgid: fatal: {error}\n");
                return;
            }
            Glob.Expand(rule.Pattern, Glob.GLOB_NOSORT, null, out var paths, out _);
            var attributes = new Attributes((int)q.Uid, (int)q.Gid, rule.FileMode, rule.DirMode, rule.Recurse == "true");
            var fixer = new TreeFixer(inv, attributes, hidden);
            bool literal = rule.Pattern.IndexOfAny(['*', '?', '[', '\\']) < 0;
            foreach (var path in paths) fixer.FixMatch(path, literal);
        }

        void Malformed(int number, string what) => inv.Warn($"{source} line {number}: {what}, line skipped");
    }
}
