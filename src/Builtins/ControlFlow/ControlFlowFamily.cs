using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

public static class ControlFlowFamily
{
    public static readonly string[] Names = ["foreground", "exit"];

    public static Builtin? Make(string name) => name switch
    {
        "foreground" => new Foreground(),
        "exit" => new Exit(),
        _ => null,
    };
}
