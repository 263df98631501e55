using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-false — exit 1, whatever the arguments.
public sealed class S6False : Builtin
{
    public override string Usage => "s6-false";
    public override Outcome Run(Invocation inv) => Outcome.Exit(1);
}
