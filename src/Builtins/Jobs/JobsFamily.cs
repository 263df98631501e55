using Execline.Runtime;

namespace Execline.Builtins.Jobs;

public static class JobsFamily
{
    public static readonly string[] Names = ["background", "wait", "trap"];

    public static Builtin? Make(string name) => name switch
    {
        "background" => new Background(),
        "wait" => new Wait(),
        "trap" => new Trap(),
        _ => null,
    };
}
