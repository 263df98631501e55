using Execline.Runtime;

namespace Execline.Builtins.Tests;

public static class TestsFamily
{
    public static readonly string[] Names = ["eltest"];

    public static Builtin? Make(string name) => name switch
    {
        "eltest" => new Eltest(),
        _ => null,
    };
}
