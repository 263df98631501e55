using Execline.Init.Supervision;
using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Pid1;

/// S6_CMD_STOP_SIGNAL: the signal the CMD gets when the container is stopped while it runs, where it
/// would get SIGTERM (nginx stops gracefully on SIGQUIT, apache on SIGWINCH). A name (`QUIT`, `SIGQUIT`,
/// any case) or a number, from the container environment; unset or empty is SIGTERM, and so is a bad value,
/// with a warning.
static class CmdStopSignal
{
    public static int Read(Invocation inv)
    {
        string? value = Container.Variable(inv.Env, Container.Booted(), "S6_CMD_STOP_SIGNAL");
        if (string.IsNullOrEmpty(value)) return Signal.SIGTERM;
        if (SignalNames.TryScan(value, out uint sig) && sig is > 0 and < 65) return (int)sig;
        inv.Warn($"invalid S6_CMD_STOP_SIGNAL: {value} (not a signal name or number) - the CMD gets SIGTERM");
        return Signal.SIGTERM;
    }
}
