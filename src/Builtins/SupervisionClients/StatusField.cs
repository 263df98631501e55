using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// What s6-svstat prints about a service: its status file, whether its `down` file is absent, and the
/// time it reads the clock.
public readonly record struct ServiceView(ServiceStatus Status, bool NormallyUp, Tai64n Now)
{
    public bool Up => Status.IsUp;
    WaitStatus Death => new(Status.Wstat);
    bool Exited => Death.Signal == 0;

    /// The exit code of the last death, -1 while up or when it was a signal.
    public int ExitCode => Up || !Exited ? -1 : Death.ExitCode;
    /// The signal of the last death, -1 while up or when it exited.
    public int SignalNumber => Up || !Death.IsSignaled ? -1 : Death.Signal;
}

/// The fields of s6-svstat -o, in upstream's table order: a name given to -o picks the first entry it
/// is a prefix of ("u" is up, "wanted" is wantedup).
public static class StatusField
{
    public static readonly (string Name, Func<ServiceView, string> Print)[] Table =
    [
        ("up", v => Bool(v.Up)),
        ("wantedup", v => Bool(v.Status.WantUp)),
        ("normallyup", v => Bool(v.NormallyUp)),
        // Upstream asks for a pid too: a service that is down is never "ready" here.
        ("ready", v => Bool(v.Status.Pid != 0 && v.Status.Ready)),
        ("paused", v => Bool(v.Status.Paused)),
        ("pid", v => v.Up ? v.Status.Pid.ToString() : "-1"),
        ("exitcode", v => v.ExitCode.ToString()),
        ("signal", v => v.SignalNumber < 0 ? "NA" : "SIG" + SignalNames.Name((uint)v.SignalNumber)),
        ("signum", v => v.SignalNumber.ToString()),
        ("updownsince", v => v.Status.Stamp.Label()),
        ("readysince", v => v.Status.ReadyStamp.Label()),
        ("updownfor", v => v.Now.SecondsSince(v.Status.Stamp).ToString()),
        ("readyfor", v => v.Now.SecondsSince(v.Status.ReadyStamp).ToString()),
    ];

    /// The entry a -o name means, or null.
    public static Func<ServiceView, string>? Find(string name)
    {
        foreach (var (n, print) in Table)
            if (n.StartsWith(name, StringComparison.Ordinal)) return print;
        return null;
    }

    public static Func<ServiceView, string> Named(string name) => Find(name)!;

    static string Bool(bool b) => b ? "true" : "false";
}
