using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6's chainloaders of process attributes: session, limits, locks, and the foreground hack.
public static class ProcessControlFamily
{
    public static readonly string[] Names = ["s6-setsid", "s6-softlimit", "s6-setlock", "s6-fghack"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-setsid" => new SetSid(),
        "s6-softlimit" => new SoftLimit(),
        "s6-setlock" => new SetLock(),
        "s6-fghack" => new FgHack(),
        _ => null,
    };
}
