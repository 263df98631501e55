using Execline.Init.Supervision;
using Execline.Runtime;

namespace Execline.Init.Pid1;

/// s6-overlay-holdsignals prog... — blocks, in every thread of this process, the signals the supervisor
/// reads (SIGTERM, SIGINT and SIGQUIT among them), then runs prog. They stay blocked for the rest of the
/// chain in this process (its builtins, and the execline scripts it goes on with), until s6-svscan takes
/// them over and reads them; a program the chain execs or spawns starts with none blocked, as always.
///
/// /init does this first. Process 1 drops a signal it neither handles nor blocks: a docker stop during
/// stage 1, before the supervisor reads its signals, was lost and the container went on to run its CMD
/// (s6-overlay v2 too). Blocked, it stays pending, and the supervisor stops the container as soon as it
/// starts. Blocked in every thread, or another one would take the signal and drop it: at /init's first
/// step ours is the only thread, so that costs no exec (SignalMask.BlockEverywhere), and the supervisor,
/// finding all of its signals blocked everywhere, needs none either.
public sealed class HoldSignals : Builtin
{
    public override string Usage => "s6-overlay-holdsignals prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        SignalMask.BlockEverywhere(inv, Signals.Handled);
        return Outcome.Exec(inv.Rest(1));
    }
}
