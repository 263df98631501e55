using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// exit [ exitcode ] — exit with the code modulo 256 (default 0).
public sealed class Exit : Builtin
{
    public override string Usage => "exit [ exitcode ]";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) return Outcome.Exit(0);
        if (!Numbers.TryUnsigned(inv.Argv[1], out var code)) throw inv.Usage();
        return Outcome.Exit((int)(code & 0xff));
    }
}
