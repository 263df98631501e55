using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// What the conditional commands (if, ifelse, ifte, ifthenelse) share: running the test block and
/// turning its end into an exit status.
static class Condition
{
    /// Runs the test block and returns its exit status. A block that could not be spawned is fatal (111);
    /// one killed by a signal is fatal (128+signal) unless normalCrash (-X) counts it as that status.
    public static int Run(Invocation inv, IReadOnlyList<string> block, bool normalCrash)
    {
        return Status(inv, inv.RunBlockOrDie(block), normalCrash);
    }

    public static int Status(Invocation inv, WaitStatus s, bool normalCrash)
    {
        if (s.IsSignaled && !normalCrash) throw inv.Die(128 + s.Signal, $"child crashed with signal {s.Signal}");
        return s.EStatus;
    }

    /// Runs a block like foreground does, then continues with rest, `?` holding how the block ended.
    public static Outcome Sequence(Invocation inv, IReadOnlyList<string> block, IReadOnlyList<string> rest)
    {
        var r = inv.RunBlock(block);
        int status;
        if (r.Started) status = r.Status.WStatus;
        else
        {
            inv.WarnErrno($"unable to spawn {r.Program}", r.SpawnErrno);
            status = 127;
        }
        inv.Env.Set("?", status.ToString());
        return Outcome.Exec(rest);
    }
}
