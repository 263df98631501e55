using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6's chainloaders of process attributes (session, limits, locks), the foreground hack and readiness
/// polling.
public static class ProcessControlFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-setsid", Needs.None, () => new SetSid()),
        new("s6-softlimit", Needs.OwnProcess, () => new SoftLimit()),
        new("s6-setlock", Needs.Files | Needs.OwnProcess, () => new SetLock()),
        new("s6-fghack", Needs.None, () => new FgHack()),
        // prog must keep our pid: the checker watches it.
        new("s6-notifyoncheck", Needs.Files | Needs.OwnProcess, () => new NotifyOnCheck()),
        new(NotifyOnCheckChild.Name, Needs.Files, () => new NotifyOnCheckChild()) { Hidden = true },
    ];
}
