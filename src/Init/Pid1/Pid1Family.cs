using Execline.Runtime;

namespace Execline.Init.Pid1;

public static class Pid1Family
{
    public static readonly Command[] Commands =
    [
        new("s6-overlay-waitall", Needs.None, () => new WaitAll()),
        new(Nuke.Name, Needs.None, () => new Nuke()) { Hidden = true },
        new(StopSignal.Name, Needs.None, () => new StopSignal()) { Hidden = true },
        // The signal mask is the process's.
        new("s6-overlay-holdsignals", Needs.OwnProcess, () => new HoldSignals()),
    ];
}
