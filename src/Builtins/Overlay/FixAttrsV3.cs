using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// s6-overlay-fix-attrs — s6-overlay v3's libexec/fix-attrs: applies the rules of one fix-attrs.d file read
/// on stdin, one a line, as the shell's `read glob recurse account fmode dmode` splits it (the last field
/// takes the rest of the line; backslashes escape). A line whose first word is empty or "#" is skipped;
/// a last line without its newline is not read. The first failure ends the file with the exit code of the
/// tool whose words report it (v3's script runs under sh -e): an unknown account without a fallback
/// (s6-envuidgid, 1), a path that cannot be changed, or a glob that matches nothing (s6-chown, 111), a mode
/// that is not octal where a path needs it (s6-chmod, 100). Directories are entered entry by entry, where
/// v3 quotes the whole listing as one name; links met there are left alone, as our v2 fix-attrs does
/// (TreeFixer). Dot entries are entered when the container's S6_FIX_ATTRS_HIDDEN is a non-zero number.
public sealed class FixAttrsV3 : Builtin
{
    public const string Name = "s6-overlay-fix-attrs";

    public override string Usage => Name + " < rules";

    public override Outcome Run(Invocation inv)
    {
        int fd = inv.State.Fds.Real(0);
        var data = fd < 0 ? null : Unistd.ReadAll(fd, out _);
        if (data == null) throw inv.DieErrno(111, "unable to read rules from stdin", fd < 0 ? Errno.EBADF : Errno.Value);
        var hiddenValue = ContainerEnvironment.Get(inv.Env, "S6_FIX_ATTRS_HIDDEN");
        bool hidden = ContainerEnvironment.TryInteger("0" + hiddenValue, out var h) && h != 0;
        foreach (var fields in Lines(Text.Bytes.Latin1(data)))
        {
            if (fields[0].Length == 0 || fields[0] == "#") continue;
            int code = Apply(inv, fields, hidden);
            if (code != 0) return Outcome.Exit(code);
        }
        return Outcome.Exit(0);
    }

    static int Apply(Invocation inv, string[] fields, bool hidden)
    {
        var (pattern, recurse, entry, fmode, dmode) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        int comma = entry.IndexOf(',');
        var account = comma < 0 ? entry : entry.Substring(0, comma);
        var q = new UidGidQuery();
        // user:group names both and lets numbers stand for themselves; a bare name is a user
        if (account.IndexOf(':') >= 0)
        {
            q.What = UidGidQuery.WantUid | UidGidQuery.WantGid;
            q.Numeric = true;
        }
        if (comma >= 0 && !q.SetDefaults(entry.Substring(comma + 1)))
        {
            inv.WriteErr("s6-envuidgid: usage: s6-envuidgid [ -i | -D defaultuid:defaultgid:defaultgidlist ] [ -u | -g | -B ] [ -n ] account prog...\n");
            return 100;
        }
        var error = q.Resolve(account);
        if (error != null)
        {
            inv.WriteErr($"s6-envuidgid: fatal: {error}\n");
            return 1;
        }
        // the shell's pathname expansion: sorted, and the pattern itself when nothing matches
        Glob.Expand(pattern, Glob.GLOB_NOCHECK, null, out var paths, out _);
        var fixer = new TreeFixer(inv, new Attributes((int)q.Uid, (int)q.Gid, Mode(fmode), Mode(dmode), recurse == "true"),
            hidden, stopAtFirstError: true);
        bool literal = pattern.IndexOfAny(['*', '?', '[', '\\']) < 0;
        foreach (var path in paths)
        {
            fixer.FixMatch(path, literal);
            if (fixer.Failure != 0) return fixer.Failure;
        }
        return 0;
    }

    static int Mode(string s) => Octal.ScanFull(s, out var m) ? (int)(m & SysStat.ALLPERMS) : TreeFixer.InvalidMode;

    /// Each complete line as `read` without -r splits it into five fields: a backslash keeps the next
    /// character (a newline after it joins the lines), runs of blanks separate, the fifth field is the
    /// rest of the line less its trailing blanks.
    static IEnumerable<string[]> Lines(string text)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        int lastKept = 0; // length of field up to its last escaped or non-blank character
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[++i] != '\n') { field.Append(text[i]); lastKept = field.Length; }
                continue;
            }
            if (c == '\n')
            {
                fields.Add(field.ToString(0, lastKept));
                while (fields.Count < 5) fields.Add("");
                yield return fields.ToArray();
                fields.Clear();
                field.Clear();
                lastKept = 0;
                continue;
            }
            bool blank = c is ' ' or '\t';
            if (blank && fields.Count < 4)
            {
                if (field.Length > 0) { fields.Add(field.ToString()); field.Clear(); lastKept = 0; }
                continue;
            }
            if (blank && field.Length == 0) continue;
            field.Append(c);
            if (!blank) lastKept = field.Length;
        }
    }
}
