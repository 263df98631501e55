using Execline.Runtime;

namespace Execline.Init;

/// The commands of the supervision tree and the container init, on top of the execline and s6 tool set.
public static class InitSet
{
    public static readonly string[] Names =
    [
        .. Supervision.SupervisionFamily.Names,
        .. Pid1.Pid1Family.Names,
    ];

    public static Builtin? Make(string name) =>
        Supervision.SupervisionFamily.Make(name)
        ?? Pid1.Pid1Family.Make(name);

    /// Every command this binary answers to.
    public static void Register() =>
        Registry.Use(() => [.. Builtins.BuiltinSet.Names, .. Names], n => Builtins.BuiltinSet.Make(n) ?? Make(n));
}
