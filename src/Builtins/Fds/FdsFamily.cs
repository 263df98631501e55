using Execline.Runtime;

namespace Execline.Builtins.Fds;

/// Descriptors, working directory and umask: the commands that change what the next program inherits.
public static class FdsFamily
{
    public static readonly Command[] Commands =
    [
        new("fdblock", Needs.None, () => new Fdblock()),
        new("fdclose", Needs.Eager, () => new Fdclose()),
        new("fdmove", Needs.Eager, () => new Fdmove()),
        new("fdreserve", Needs.Eager, () => new Fdreserve()),
        new("fdswap", Needs.Eager, () => new Fdswap()),
        new("redirfd", Needs.Files, () => new Redirfd()),
        new("execline-cd", Needs.Eager, () => new Cd()) { Aliases = ["cd"] },
        new("posix-cd", Needs.Files, () => new PosixCd()),
        new("execline-umask", Needs.Eager, () => new Umask()) { Aliases = ["umask"] },
        new("posix-umask", Needs.None, () => new PosixUmask()),
    ];
}
