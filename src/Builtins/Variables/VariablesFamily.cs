using Execline.Runtime;

namespace Execline.Builtins.Variables;

public static class VariablesFamily
{
    public static IEnumerable<Builtin> All => [new Define(), new Importas(),];
}
