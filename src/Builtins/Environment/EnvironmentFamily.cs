using Execline.Runtime;

namespace Execline.Builtins.Environment;

public static class EnvironmentFamily
{
    public static IEnumerable<Builtin> All => [];
}
