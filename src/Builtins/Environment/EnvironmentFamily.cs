using Execline.Runtime;

namespace Execline.Builtins.Environment;

public static class EnvironmentFamily
{
    public static readonly string[] Names =
        ["export", "unexport", "emptyenv", "envfile", "backtick", "withstdinas", "getcwd", "getpid", "homeof"];

    public static Builtin? Make(string name) => name switch
    {
        "export" => new Export(),
        "unexport" => new Unexport(),
        "emptyenv" => new Emptyenv(),
        "envfile" => new Envfile(),
        "backtick" => new Backtick(),
        "withstdinas" => new Withstdinas(),
        "getcwd" => new Getcwd(),
        "getpid" => new Getpid(),
        "homeof" => new Homeof(),
        _ => null,
    };
}
