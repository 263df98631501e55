using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

public static class EnvironmentVariablesFamily
{
    public static readonly Command[] Commands =
    [
        new("export", Needs.Eager, () => new Export()),
        new("unexport", Needs.Eager, () => new Unexport()),
        new("emptyenv", Needs.Eager, () => new Emptyenv()),
        new("envfile", Needs.Files, () => new Envfile()),
        new("backtick", Needs.None, () => new Backtick()),
        new("withstdinas", Needs.None, () => new Withstdinas()),
        new("getcwd", Needs.Files | Needs.Eager, () => new Getcwd()),
        // At the head of a concurrent block too, the pid must be the block's own process's.
        new("getpid", Needs.OwnProcess, () => new Getpid()),
        new("homeof", Needs.None, () => new Homeof()),
    ];
}
