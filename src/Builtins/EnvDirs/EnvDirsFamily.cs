using Execline.Runtime;

namespace Execline.Builtins.EnvDirs;

public static class EnvDirsFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-envdir", Needs.Files | Needs.Eager, () => new S6Envdir()),
        new("justc-envdir", Needs.Files | Needs.Eager, () => new JustcEnvdir()),
    ];
}
