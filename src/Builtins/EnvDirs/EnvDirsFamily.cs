using Execline.Runtime;

namespace Execline.Builtins.EnvDirs;

public static class EnvDirsFamily
{
    public static readonly string[] Names = ["s6-envdir", "justc-envdir"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-envdir" => new S6Envdir(),
        "justc-envdir" => new JustcEnvdir(),
        _ => null,
    };
}
