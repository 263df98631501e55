using Execline.Runtime;

namespace Execline.Builtins.Loops;

public static class LoopsFamily
{
    public static readonly string[] Names = [];

    public static Builtin? Make(string name) => name switch
    {
        _ => null,
    };
}
