using Execline.Runtime;

namespace Execline.Builtins.Fds;

/// Descriptors, working directory and umask: the commands that change what the next program inherits.
public static class FdsFamily
{
    public static readonly string[] Names =
    [
        "fdblock", "fdclose", "fdmove", "fdreserve", "fdswap", "redirfd",
        "cd", "execline-cd", "posix-cd", "umask", "execline-umask", "posix-umask",
    ];

    public static Builtin? Make(string name) => name switch
    {
        "fdblock" => new Fdblock(),
        "fdclose" => new Fdclose(),
        "fdmove" => new Fdmove(),
        "fdreserve" => new Fdreserve(),
        "fdswap" => new Fdswap(),
        "redirfd" => new Redirfd(),
        "cd" or "execline-cd" => new Cd(),
        "posix-cd" => new PosixCd(),
        "umask" or "execline-umask" => new Umask(),
        "posix-umask" => new PosixUmask(),
        _ => null,
    };
}
