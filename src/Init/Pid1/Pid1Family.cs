using Execline.Runtime;

namespace Execline.Init.Pid1;

public static class Pid1Family
{
    public static readonly Command[] Commands =
    [
        new("s6-overlay-waitall", Needs.None, () => new WaitAll()),
        // The signal mask is the process's.
        new("s6-overlay-holdsignals", Needs.OwnProcess, () => new HoldSignals()),
    ];
}
