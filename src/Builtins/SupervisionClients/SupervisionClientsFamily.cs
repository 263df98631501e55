using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// The tools that talk to a running supervisor through its directories: commands, status, waits.
public static class SupervisionClientsFamily
{
    public static readonly string[] Names = ["s6-svc", "s6-svok", "s6-svscanctl", "s6-svstat", "s6-svwait", "s6-svlisten1", "s6-svlisten"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-svc" => new Svc(),
        "s6-svok" => new Svok(),
        "s6-svscanctl" => new Svscanctl(),
        "s6-svstat" => new Svstat(),
        "s6-svwait" => new Svwait(),
        "s6-svlisten1" => new Svlisten1(),
        "s6-svlisten" => new Svlisten(),
        _ => null,
    };
}
