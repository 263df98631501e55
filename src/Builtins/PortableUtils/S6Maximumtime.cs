using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-maximumtime [ -0 | -a | -b | -i | -k | -q | -t | -x | -1 | -2 ] milliseconds prog... — run prog as
/// a child; exit with its code when it ends in time (111 when it was killed by a signal). Otherwise send
/// it the chosen signal (TERM by default, none with -0) and exit 99. 0 milliseconds is no limit.
/// Inside a block it runs as a process of its own: the child is its child.
public sealed class S6Maximumtime : Builtin
{
    public override string Usage => "s6-maximumtime [ -0 | -a | -b | -i | -k | -q | -t | -x | -1 | -2 ] milliseconds prog...";


    public override Outcome Run(Invocation inv)
    {
        int signal = Signal.SIGTERM;
        var g = new Getopt(inv.Argv, "0abikqtx12");
        while (g.Next(out var c, out _))
        {
            signal = c switch
            {
                '0' => 0, 'a' => Signal.SIGALRM, 'b' => Signal.SIGABRT, 'i' => Signal.SIGINT, 'k' => Signal.SIGKILL,
                'q' => Signal.SIGQUIT, 't' => Signal.SIGTERM, 'x' => Signal.SIGXCPU, '1' => Signal.SIGUSR1,
                '2' => Signal.SIGUSR2,
                _ => throw inv.Usage(),
            };
        }
        if (inv.Argv.Count - g.Index < 2 || !Numbers.TryUnsigned(inv.Argv[g.Index], out var ms) || ms > uint.MaxValue)
            throw inv.Usage();
        var prog = inv.Rest(g.Index + 1);
        int pid = inv.SpawnBlock(prog);
        if (pid < 0) throw inv.DieErrno(111, $"unable to spawn {prog[0]}", -pid);
        var deadline = ms == 0 ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(ms);
        if (!WaitUntil(pid, deadline, out var status))
        {
            if (signal != 0) Signal.kill(pid, signal);
            throw new Fatal(99, $"{Prog}: warning: unable to wait for child process: {Errno.StrError(Errno.ETIMEDOUT)}");
        }
        if (status.IsSignaled) throw new Fatal(111, $"{Prog}: warning: child process crashed");
        return Outcome.Exit(status.ExitCode);
    }

    /// Polls for the child's end every 1 to 16 ms until the deadline; false when it is still running.
    static bool WaitUntil(int pid, DateTime deadline, out WaitStatus status)
    {
        int step = 1;
        while (!Children.TryWait(pid, out status))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return false;
            Thread.Sleep(left < TimeSpan.FromMilliseconds(step) ? left : TimeSpan.FromMilliseconds(step));
            step = Math.Min(step * 2, 16);
        }
        return true;
    }
}
