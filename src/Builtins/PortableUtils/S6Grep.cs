using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-grep [ -E | -F ] [ -i ] [ -c ] [ -n ] [ -q ] [ -v ] pattern — the lines of stdin that match pattern
/// (a basic regular expression; -E extended, -F a fixed string; -i ignoring case), or that do not (-v).
/// -n prefixes "N:", -c prints only the count, -q prints nothing. Exit 0 when a line was selected, else 1.
public sealed class S6Grep : Builtin
{
    public override string Usage => "s6-grep [ -E | -F ] [ -i ] [ -c ] [ -n ] [ -q ] [ -v ] pattern";

    public override Outcome Run(Invocation inv)
    {
        bool extended = false, fixedString = false, ignoreCase = false, count = false, number = false, quiet = false, invert = false;
        var g = new Getopt(inv.Argv, "EFicnqv");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'E': extended = true; break;
                case 'F': fixedString = true; break;
                case 'i': ignoreCase = true; break;
                case 'c': count = true; break;
                case 'n': number = true; break;
                case 'q': quiet = true; break;
                case 'v': invert = true; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var pattern = inv.Argv[g.Index];
        PosixRegex? regex = null;
        if (!fixedString)
        {
            int flags = PosixRegex.REG_NOSUB | (extended ? PosixRegex.REG_EXTENDED : 0) | (ignoreCase ? PosixRegex.REG_ICASE : 0);
            regex = PosixRegex.Compile(pattern, flags, out _, out var error)
                    ?? throw inv.DieBare(111, $"unable to compile regular expression: {error}");
        }
        using (regex)
        {
            var output = new Output(inv);
            var input = new Input(inv) { BeforeRead = output.Flush };
            int selected = 0, lineNumber = 0;
            while (input.ReadLine(out var line, out _))
            {
                lineNumber++;
                bool matches = regex != null ? regex.Match(line, 0, out _) == 0
                    : line.Contains(pattern, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
                if (matches == invert) continue;
                selected++;
                if (quiet || count) continue;
                if (number) output.Put($"{lineNumber}:");
                output.Put(line);
                output.Put('\n');
            }
            // upstream 2.2.5.1 never flushes the count it computes: we print it
            if (count && !quiet) output.Put($"{selected}\n");
            output.Flush();
            return Outcome.Exit(selected > 0 ? 0 : 1);
        }
    }
}
