using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Jobs;

/// trap at work: prog runs as our child while the caught signals are read, one at a time, from a signalfd.
static class TrapLoop
{

    public static Outcome Run(Invocation inv, TrapPlan plan)
    {
        var caught = plan.Caught;
        caught.Block();
        int fd = caught.OpenFd();
        if (fd < 0) throw inv.DieErrno(111, "unable to selfpipe_init", Errno.Value);
        int main = inv.SpawnBlock(plan.Program);
        if (main < 0) throw inv.DieErrno(111, $"unable to spawn {plan.Program[0]}", -main);
        var running = new int[TrapPlan.Slots];
        int self = Unistd.getpid();
        while (true)
        {
            int sig = SignalSet.Read(fd, out int sender, out int code);
            if (sig < 0) throw inv.DieErrno(111, "unable to selfpipe_read", -sig);
            // The runtime interrupts its own threads with SIGRTMIN: not a signal for trap.
            if (sig == Signal.SIGRTMIN && sender == self && code == Signal.SI_TKILL) continue;
            if (sig == Signal.SIGCHLD)
            {
                int pid;
                while ((pid = Children.WaitAny(out var st, noHang: true)) > 0)
                {
                    if (pid == main) return Outcome.Exit(st.EStatus);
                    int slot = Array.IndexOf(running, pid);
                    if (slot >= 0) running[slot] = 0;
                }
                continue;
            }
            var command = sig < TrapPlan.Slots ? plan.Commands[sig] : null;
            if (command == null)
            {
                Signal.kill(main, sig);
                continue;
            }
            // An empty command upstream is a spawn of nothing that dies at once: no visible effect.
            if (running[sig] != 0 || command.Count == 0) continue;
            var st2 = inv.State.Clone();
            st2.Env.Set("!", main.ToString());
            st2.Env.Set("SIGNAL", sig.ToString());
            int handler = inv.SpawnBlock(command, st2);
            if (handler < 0) throw inv.DieErrno(111, $"unable to spawn {command[0]}", -handler);
            running[sig] = handler;
        }
    }
}
