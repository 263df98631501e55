using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// case [ -s | -S ] [ -e | -E ] [ -n | -N ] [ -i ] value { re1 { prog1... } re2 { prog2... } ... } progdefault...
/// Become the block of the first pattern that matches the whole value, else progdefault. Patterns are
/// POSIX regular expressions (ERE, or BRE with -e; -i ignores case), or with -s shell globs. -N hands
/// the match to the block: `#` = number of subexpressions, `0` = the pattern, `1`.. = what each captured.
public sealed class Case : Builtin
{
    public override string Usage => "case [ -s | -S ] [ -e | -E ] [ -n | -N ] [ -i ] value { re1 { prog1... } re2 { prog2... } ... } progdefault... ";

    public override Outcome Run(Invocation inv)
    {
        bool shell = false, extended = true, noSub = true, icase = false;
        var g = new Getopt(inv.Argv, "sSeEnNi");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 's': shell = true; break;
                case 'S': shell = false; break;
                case 'e': extended = false; break;
                case 'E': extended = true; break;
                case 'N': noSub = false; break;
                case 'n': noSub = true; break;
                case 'i': icase = true; break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var value = inv.Argv[g.Index];
        int end = Block.Read(inv, inv.Argv, g.Index + 1, out var pairs);
        if (end < 0) throw inv.Die(100, "unterminated case block");

        // Pairs are read one at a time, so a malformed pair after the matching one goes unnoticed.
        int i = 0;
        while (i < pairs.Count)
        {
            var pattern = pairs[i++];
            if (i == pairs.Count) throw inv.Die(100, "malformed case block");
            int blockEnd = Block.Read(inv, pairs, i, out var block);
            if (blockEnd < 0) throw inv.Die(100, "unterminated regex block");
            if (shell)
            {
                int flags = (extended ? 0 : PosixRegex.FNM_NOESCAPE) | (icase ? PosixRegex.FNM_PERIOD : 0)
                    | (noSub ? 0 : PosixRegex.FNM_PATHNAME);
                int r = PosixRegex.FnMatch(pattern, value, flags);
                if (r == 0) return Outcome.Exec(block);
                if (r != PosixRegex.FNM_NOMATCH) inv.Warn($"invalid fnmatch pattern: {pattern}");
            }
            else if (RegexMatches(inv, value, pattern, block, extended, icase, noSub))
                return Outcome.Exec(block);
            i = blockEnd + 1;
        }
        return Outcome.Exec(inv.Rest(end + 1));
    }

    /// Anchored match of the whole value (REG_NEWLINE as upstream 2.9.3, so ^ and $ also match at
    /// newlines). On a match with captures wanted, sets #, 0, 1.. in the environment.
    static bool RegexMatches(Invocation inv, string value, string pattern, IReadOnlyList<string> block, bool extended, bool icase, bool noSub)
    {
        int cflags = (extended ? PosixRegex.REG_EXTENDED : 0) | (icase ? PosixRegex.REG_ICASE : 0)
            | (noSub ? PosixRegex.REG_NOSUB : 0) | PosixRegex.REG_NEWLINE;
        using var re = PosixRegex.Compile("^" + pattern + "$", cflags, out int code, out var error);
        if (re == null)
        {
            // Upstream names the first word of the pattern's block here instead of the pattern.
            var shown = block.Count > 0 ? block[0] : "";
            throw inv.DieBare(code == PosixRegex.REG_ESPACE ? 111 : 100, $"unable to regcomp \"^{shown}$\": {error}");
        }
        int n = noSub ? 0 : re.Subexpressions + 1;
        int r = re.Match(value, n, out var groups);
        if (r == PosixRegex.REG_NOMATCH) return false;
        if (r != 0)
            throw inv.DieBare(111, $"unable to match string \"{value}\" against regex \"{pattern}\": {re.ErrorText(r)}");
        if (!noSub)
        {
            inv.Env.Set("#", (n - 1).ToString());
            inv.Env.Set("0", pattern);
            for (int k = 1; k < n; k++)
            {
                var (start, stop) = groups[k];
                inv.Env.Set(k.ToString(), start < 0 ? "" : value.Substring(start, stop - start));
            }
        }
        return true;
    }
}
