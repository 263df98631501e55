using Execline.Native;
using Execline.Runtime;
using Execline.S6;
using Execline.Text;

namespace Execline.Builtins.EnvironmentVariables;

/// withstdinas [ -i | -I | -D default ] [ -N | -n ] [ -E | -e ] var remainder... — read all of stdin,
/// exec into remainder with var set to what was read (one trailing newline removed unless -N).
public sealed class Withstdinas : Builtin
{
    public override string Usage => "withstdinas [ -i | -I | -D default ] [ -N | -n ] [ -E | -e ] var remainder...";

    enum OnNul { Truncate, Unset, Die }

    public override Outcome Run(Invocation inv)
    {
        var onNul = OnNul.Truncate;
        bool chomp = true, import = false;
        string? dflt = null;
        var g = new Getopt(inv.Argv, "iINnD:Ee");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'i': onNul = OnNul.Die; break;
                case 'I': onNul = OnNul.Unset; break;
                case 'N': chomp = false; break;
                case 'n': chomp = true; break;
                // The default does not change the -i / -I choice: those win over -D in any order.
                case 'D': dflt = arg; break;
                case 'E': import = true; break;
                case 'e': import = false; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var variable = inv.Argv[g.Index];
        if (!inv.IsValidVariable(variable)) throw inv.Die(100, "invalid variable name");

        // A closed stdin is -1 here, which read refuses with EBADF as upstream's read of fd 0 would.
        var data = Unistd.ReadAll(inv.State.Fds.Real(0), out int err);
        if (data == null) throw inv.DieErrno(111, "unable to slurp", err);
        string? value = Bytes.Latin1(data);
        if (value.IndexOf('\0') >= 0)
        {
            if (onNul == OnNul.Die) throw inv.Die(1, "stdin contained a null character");
            if (onNul == OnNul.Unset) value = null;
            else if (dflt != null)
            {
                inv.Warn("stdin contained a null character - using default instead");
                value = dflt;
            }
            else value = SetAndExec.UpToNul(value);
        }
        else if (chomp && value.EndsWith('\n')) value = value.Substring(0, value.Length - 1);
        return SetAndExec.Run(inv, inv.Rest(g.Index + 1), variable, value, import);
    }
}
