using Execline.Runtime;

namespace Execline.Builtins.Jobs;

public static class JobsFamily
{
    public static readonly string[] Names = [];

    public static Builtin? Make(string name) => name switch
    {
        _ => null,
    };
}
