using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// export variable value prog... — exec prog with variable=value added to the environment.
public sealed class Export : Builtin
{
    public override string Usage => "export variable value prog...";

    public override Outcome Run(Invocation inv)
    {
        var argv = inv.Argv;
        if (argv.Count < 4) throw inv.Usage();
        // Only '=' is refused: an empty name gives the entry "=value", as upstream.
        if (argv[1].IndexOf('=') >= 0) throw inv.Die(100, "invalid variable name: " + argv[1]);
        inv.Env.Set(argv[1], argv[2]);
        return Outcome.Exec(inv.Rest(3));
    }
}
