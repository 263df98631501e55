using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// skalibs' gol, the option parser of s6-rc 0.7 (not subgetopt, which Getopt models): short options
/// cluster, an option's argument is the rest of its word or the next word (never "--", and none at all
/// is no error), long ones are "--name" for a flag and "--name=value" for an option, "--" ends them,
/// a word not starting with '-' (or "-" alone) is the first operand. An unknown option is a fatal
/// error (exit 100) naming it, not a usage message.
static class Gol
{
    public readonly record struct Flag(char Short, string? Long, Action Set);
    public readonly record struct Option(char Short, string? Long, Action<string> Set);

    /// The index of the first operand.
    public static int Parse(Invocation inv, Flag[] flags, Option[] options)
    {
        var argv = inv.Argv;
        int i = 1;
        for (; i < argv.Count; i++)
        {
            string w = argv[i];
            if (w.Length < 2 || w[0] != '-') return i;
            if (w[1] == '-')
            {
                if (w.Length == 2) return i + 1;
                int eq = w.IndexOf('=', 2);
                if (eq == 2) throw inv.Die(100, $"invalid option: {w}");
                if (eq > 0)
                {
                    string name = w[2..eq];
                    var option = options.FirstOrDefault(o => o.Long == name);
                    if (option.Set == null) throw inv.Die(100, $"unrecognized option with argument: {w}");
                    option.Set(w[(eq + 1)..]);
                }
                else
                {
                    var flag = flags.FirstOrDefault(f => f.Long == w[2..]);
                    if (flag.Set == null) throw inv.Die(100, $"unrecognized boolean option: {w}");
                    flag.Set();
                }
                continue;
            }
            for (int p = 1; p < w.Length; p++)
            {
                var option = options.FirstOrDefault(o => o.Short == w[p]);
                if (option.Set != null)
                {
                    if (p + 1 < w.Length) option.Set(w[(p + 1)..]);
                    else if (i + 1 < argv.Count && argv[i + 1] != "--") option.Set(argv[++i]);
                    break;
                }
                var flag = flags.FirstOrDefault(f => f.Short == w[p]);
                if (flag.Set == null) throw inv.Die(100, $"unrecognized short option: {w[p]}");
                flag.Set();
            }
        }
        return i;
    }
}
