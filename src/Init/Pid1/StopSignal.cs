using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Pid1;

/// s6-overlay-stopsignal — prints the name of the signal S6_CMD_STOP_SIGNAL gives the CMD (TERM by default),
/// for v3's CMDSIG, which passes docker stop's SIGTERM on to the CMD under S6_CMD_RECEIVE_SIGNALS.
public sealed class StopSignal : Builtin
{
    public const string Name = "s6-overlay-stopsignal";
    public override string Usage => Name;

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count > 1) throw inv.Usage();
        uint sig = (uint)CmdStopSignal.Read(inv);
        string name = SignalNames.Name(sig);
        inv.Write(1, (name == "???" ? sig.ToString() : name) + "\n");
        return Outcome.Exit(0);
    }
}
