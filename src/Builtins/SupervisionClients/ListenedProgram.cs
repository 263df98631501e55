using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// The program s6-svlisten1 and s6-svlisten start once they listen, and whose exit code they ignore.
public static class ListenedProgram
{
    /// Our own s6-svc without -w (what s6-svc -w hands over) only writes a few bytes to a FIFO and
    /// returns, so it runs to its end in this process instead of costing a process of ours.
    public static bool RunsHere(IReadOnlyList<string> prog) => Self.Builtin(prog[0]) is Svc && !Svc.Waits(prog);

    /// Anything else becomes a child that may outlive the wait, as upstream's does. Inside a block run in
    /// our process that child would be the caller's, so the listener reruns itself as a process of its own.
    public static bool NeedsOwnProcess(Invocation inv, IReadOnlyList<string> prog) => !inv.OwnsProcess && !RunsHere(prog);

    /// Runs prog here, or starts it alongside the wait (left to finish on its own).
    public static void Start(Invocation inv, IReadOnlyList<string> prog)
    {
        if (RunsHere(prog))
        {
            inv.RunBlock(prog);
            return;
        }
        int pid = inv.SpawnBlock(prog);
        if (pid < 0) throw inv.DieErrno(111, "unable to spawn " + prog[0], -pid);
    }
}
