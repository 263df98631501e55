using Execline.Runtime;

namespace Execline.Init;

/// The commands of the supervision tree and the container init, on top of the execline and s6 tool set.
public static class InitSet
{
    public static readonly Func<Command[]>[] Families =
    [
        .. Builtins.BuiltinSet.Families,
        () => Supervision.SupervisionFamily.Commands,
        () => Pid1.Pid1Family.Commands,
    ];

    /// Every command this binary answers to.
    public static void Register() => Registry.Use(Families);
}
