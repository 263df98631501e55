using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// The tools that talk to a running supervisor through its directories: commands, status, waits.
public static class SupervisionClientsFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-svc", Needs.Files, () => new Svc()),
        new("s6-svok", Needs.Files, () => new Svok()),
        new("s6-svscanctl", Needs.Files, () => new Svscanctl()),
        new("s6-svstat", Needs.Files, () => new Svstat()),
        new("s6-svwait", Needs.Files, () => new Svwait()),
        new("s6-svlisten1", Needs.Files, () => new Svlisten1()),
        new("s6-svlisten", Needs.Files, () => new Svlisten()),
        new("s6-permafailon", Needs.Files, () => new Permafailon()),
    ];
}
