using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6-fghack prog... — runs prog, which insists on going into the background, as if in the foreground:
/// prog starts with 31 extra descriptors (upstream's pipe end and its 30 copies) on a pipe that nothing ever writes to, and s6-fghack waits until
/// every copy is closed (by prog and whatever it forked off) and then for prog; it exits with prog's code.
/// Data on the pipe is fatal (102); prog dying of a signal is 111.
public sealed class FgHack : Builtin
{
    public override string Usage => "s6-fghack prog...";

    const int Copies = 31;

    public override unsafe Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        var (r, w) = Unistd.Pipe();
        if (r < 0) throw inv.DieErrno(111, "unable to create hackpipe", Errno.Value);
        var state = inv.State.Clone();
        for (int i = 0; i < Copies; i++) state.Fds.Set(state.Fds.LowestFree(), w);
        var prog = inv.Rest(1);
        int pid = inv.SpawnBlock(prog, state);
        Unistd.close(w);
        if (pid < 0)
        {
            Unistd.close(r);
            throw inv.DieErrno(111, "unable to exec " + prog[0], -pid);
        }
        byte b;
        nint n;
        do n = Unistd.read(r, &b, 1); while (n < 0 && Errno.Value == Errno.EINTR);
        int err = Errno.Value;
        Unistd.close(r);
        if (n < 0) throw inv.DieErrno(111, "unable to read on hackpipe", err);
        if (n > 0) throw inv.Die(102, prog[0] + " wrote on hackpipe");
        var status = inv.Wait(pid);
        // upstream names its second argument here
        if (status.IsSignaled) throw inv.Die(111, (prog.Count > 1 ? prog[1] : "(null)") + " crashed");
        return Outcome.Exit(status.ExitCode);
    }
}
