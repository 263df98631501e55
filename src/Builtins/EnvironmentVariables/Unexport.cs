using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// unexport variable prog... — exec prog with variable removed from the environment.
public sealed class Unexport : Builtin
{
    public override string Usage => "unexport variable prog...";

    public override Outcome Run(Invocation inv)
    {
        var argv = inv.Argv;
        if (argv.Count < 3) throw inv.Usage();
        if (argv[1].IndexOf('=') >= 0) throw inv.Die(100, "invalid variable name: " + argv[1]);
        inv.Env.Unset(argv[1]);
        return Outcome.Exec(inv.Rest(2));
    }
}
