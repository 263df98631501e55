using Execline.Runtime;

namespace Execline.Multicall;

/// Every command this binary answers to: the execline and s6 tool set, then the supervision tree and the
/// container init, in that order of lookup.
public static class CommandSet
{
    public static readonly Func<Command[]>[] Families = [.. Builtins.BuiltinSet.Families, .. Init.InitSet.Families];

    public static void Register() => Registry.Use(Families);
}
