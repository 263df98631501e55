using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// A oneshot's command line run as Oneshot would start it (its environment, the runner's directory as
/// cwd, s6-rc's descriptors), but as a block of our own process: its builtins and execline scripts cost
/// no process, and only a real program it reaches is spawned. s6-overlay's legacy oneshots (fix-attrs,
/// cont-init, services-up) are such scripts, each a start of this program otherwise.
static class OneshotInProcess
{
    /// The code s6-rc sees (128 + a signal that killed it), and what to say when nothing could be run.
    public static (int Code, string? Why) Run(Invocation inv, LiveDir live, IReadOnlyList<string> argv, string name)
    {
        var st = inv.State.Clone();
        st.Env.Set("RC_NAME", name);
        int err = RealProcess.ChangeDirectory(st, live.RunnerDir);
        if (err != 0)
        {
            RealProcess.Sync(inv.State);
            st.ReleaseOwned();
            return (ProgramLookup.ExitCodeFor(err), $"service {name}: unable to exec {argv[0]}: {Errno.StrError(err)}");
        }
        var result = Chain.RunBlock(argv, st, "s6-rc-oneshot-run");
        // the block's builtins moved this process to its cwd and umask; s6-rc's own paths may be relative
        RealProcess.Sync(inv.State);
        if (!result.Started)
            return (ProgramLookup.ExitCodeFor(result.SpawnErrno), $"service {name}: unable to exec {result.Program}: {Errno.StrError(result.SpawnErrno)}");
        var status = result.Status;
        return (status.IsSignaled ? 128 + status.Signal : status.ExitCode, null);
    }
}
