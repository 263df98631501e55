using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6's chainloaders of process attributes (session, limits, locks), the foreground hack and readiness
/// polling.
public static class ProcessControlFamily
{
    public static readonly string[] Names = ["s6-setsid", "s6-softlimit", "s6-setlock", "s6-fghack", "s6-notifyoncheck"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-setsid" => new SetSid(),
        "s6-softlimit" => new SoftLimit(),
        "s6-setlock" => new SetLock(),
        "s6-fghack" => new FgHack(),
        "s6-notifyoncheck" => new NotifyOnCheck(),
        NotifyOnCheckChild.Name => new NotifyOnCheckChild(),
        _ => null,
    };
}
