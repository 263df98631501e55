using Execline.Runtime;

namespace Execline.Init.Supervision;

public static class SupervisionFamily
{
    public static readonly Command[] Commands =
    [
        // Their children, signals and pid are the supervision tree's.
        new("s6-svscan", Needs.OwnProcess, () => new Svscan()),
        new("s6-supervise", Needs.OwnProcess, () => new Supervise()),
    ];
}
