using Execline.Runtime;

namespace Execline.Builtins;

/// Every command this binary answers to, family by family.
public static class BuiltinSet
{
    public static IEnumerable<Builtin> All =>
        new Builtin[] { new Language.Execlineb() }
            .Concat(ControlFlow.ControlFlowFamily.All)
            .Concat(Variables.VariablesFamily.All)
            .Concat(Loops.LoopsFamily.All)
            .Concat(Fds.FdsFamily.All)
            .Concat(Environment.EnvironmentFamily.All)
            .Concat(Tests.TestsFamily.All);
}
