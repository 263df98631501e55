using Execline.Runtime;

namespace Execline.Builtins;

/// Every command this binary answers to.
public static class BuiltinSet
{
    public static IEnumerable<Builtin> All =>
    [
        new Language.Execlineb(),
        new ControlFlow.Foreground(),
        new ControlFlow.Exit(),
        new Variables.Define(),
        new Variables.Importas(),
    ];
}
