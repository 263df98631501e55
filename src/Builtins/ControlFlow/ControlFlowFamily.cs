using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

public static class ControlFlowFamily
{
    public static IEnumerable<Builtin> All => [new Foreground(), new Exit(),];
}
