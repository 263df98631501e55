using Execline.Runtime;

namespace Execline.Builtins.Variables;

public static class VariablesFamily
{
    public static readonly string[] Names = ["define", "importas"];

    public static Builtin? Make(string name) => name switch
    {
        "define" => new Define(),
        "importas" => new Importas(),
        _ => null,
    };
}
