using Execline.Runtime;

namespace Execline.Builtins.Fds;

public static class FdsFamily
{
    public static readonly string[] Names = [];

    public static Builtin? Make(string name) => name switch
    {
        _ => null,
    };
}
