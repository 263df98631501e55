using Execline.Runtime;

namespace Execline.Builtins.Jobs;

public static class JobsFamily
{
    public static readonly Command[] Commands =
    [
        new("background", Needs.OwnProcess, () => new Background()),
        new("wait", Needs.OwnProcess, () => new Wait()),
        new("trap", Needs.OwnProcess, () => new Trap()),
    ];
}
