using Execline.Runtime;

namespace Execline.Builtins.Loops;

public static class LoopsFamily
{
    public static IEnumerable<Builtin> All => [];
}
