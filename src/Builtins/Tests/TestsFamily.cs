using Execline.Runtime;

namespace Execline.Builtins.Tests;

public static class TestsFamily
{
    public static readonly string[] Names = [];

    public static Builtin? Make(string name) => name switch
    {
        _ => null,
    };
}
