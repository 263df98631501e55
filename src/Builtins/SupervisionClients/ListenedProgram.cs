using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// The program s6-svlisten1 and s6-svlisten start once they listen, and whose exit code they ignore.
public static class ListenedProgram
{
    /// Starts prog alongside the wait; returns its pid, or 0 when it already ran to its end here. Our own
    /// s6-svc without -w (what s6-svc -w hands over) only writes a few bytes to a FIFO and returns, so it
    /// runs in this process instead of costing a process of ours; anything else runs as upstream's child.
    public static int Start(Invocation inv, IReadOnlyList<string> prog)
    {
        if (Self.Builtin(prog[0]) is Svc && !Svc.Waits(prog))
        {
            inv.RunBlock(prog);
            return 0;
        }
        int pid = inv.SpawnBlock(prog);
        if (pid < 0) throw inv.DieErrno(111, "unable to spawn " + prog[0], -pid);
        return pid;
    }

    /// Reaps prog if it has ended; a prog still running is left to finish on its own.
    public static void Reap(int pid)
    {
        if (pid > 0) Children.TryWait(pid, out _);
    }
}
