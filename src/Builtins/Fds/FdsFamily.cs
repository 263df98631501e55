using Execline.Runtime;

namespace Execline.Builtins.Fds;

public static class FdsFamily
{
    public static IEnumerable<Builtin> All => [];
}
