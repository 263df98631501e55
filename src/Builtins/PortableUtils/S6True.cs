using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-true — exit 0, whatever the arguments.
public sealed class S6True : Builtin
{
    public override string Usage => "s6-true";
    public override Outcome Run(Invocation inv) => Outcome.Exit(0);
}
