using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.EnvironmentVariables;

/// getpid [ -E | -e ] [ -P | -p ] variable prog... — exec prog with variable set to the pid of the
/// process running the chain (-P: of its parent).
public sealed class Getpid : Builtin
{
    public override string Usage => "getpid [ -E | -e ] [ -P | -p ] variable prog...";

    public override Outcome Run(Invocation inv)
    {
        bool import = false, parent = false;
        var g = new Getopt(inv.Argv, "EePp");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'E': import = true; break;
                case 'e': import = false; break;
                case 'P': parent = true; break;
                case 'p': parent = false; break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var variable = inv.Argv[g.Index];
        if (!inv.IsValidVariable(variable)) throw inv.Die(100, "invalid variable name");
        int pid = parent ? Unistd.getppid() : Unistd.getpid();
        return SetAndExec.Run(inv, inv.Rest(g.Index + 1), variable, pid.ToString(), import);
    }
}
