using Execline.Runtime;

namespace Execline.Builtins.Variables;

public static class VariablesFamily
{
    public static readonly string[] Names = ["define", "importas", "multisubstitute", "multidefine", "elglob", "elgetpositionals", "elgetopt", "shift", "dollarat", "runblock"];

    public static Builtin? Make(string name) => name switch
    {
        "define" => new Define(),
        "importas" => new Importas(),
        "multisubstitute" => new Multisubstitute(),
        "multidefine" => new Multidefine(),
        "elglob" => new Elglob(),
        "elgetpositionals" => new Elgetpositionals(),
        "elgetopt" => new Elgetopt(),
        "shift" => new Shift(),
        "dollarat" => new Dollarat(),
        "runblock" => new Runblock(),
        _ => null,
    };
}
