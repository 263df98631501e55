using Execline.Runtime;

namespace Execline.Builtins.Environment;

public static class EnvironmentFamily
{
    public static readonly string[] Names = [];

    public static Builtin? Make(string name) => name switch
    {
        _ => null,
    };
}
