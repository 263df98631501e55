using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// The polling half of s6-notifyoncheck, a process of its own: after a first sleep, and a waiting time
/// between tries, it runs the check until one exits 0, then writes a newline on the notification
/// descriptor (exit 0). Exit 1 when the tries run out, 2 when the watched process ends, 3 when the global
/// timeout passes. A check still running when its local timeout passes is left alone; the next try starts.
public sealed class NotifyOnCheckChild : Builtin
{
    /// The hidden command name (not a link; reachable only by argv[0]).
    public const string Name = "s6-notifyoncheck (child)";

    public override string Usage => Name + " pid fd initialsleep globaldeadline localtimeout waitingtime tries [ checkprog ]";


    public override Outcome Run(Invocation inv)
    {
        var a = inv.Argv;
        var n = new int[7];
        if (a.Count < 8 || !Numbers.TryUnsigned(a[4], out var global)) throw inv.Usage();
        for (int i = 0; i < 7; i++)
            if (i != 3 && !Numbers.TryUInt(a[i + 1], out n[i])) throw inv.Usage();
        var (watched, fd, sleep, local, waiting, tries) = (n[0], n[1], n[2], n[4], n[5], n[6]);
        int notification = inv.State.Fds.Real(fd);
        bool forever = tries == 0;
        // global: the deadline on the monotonic clock in ms, 0 for none
        long deadline = global == 0 ? long.MaxValue : (long)global;
        int parent = SysPidfd.pidfd_open(watched);
        if (parent < 0) return Outcome.Exit(2);
        string path;
        List<string> argv;
        if (a.Count > 8) (path, argv) = (Self.Path, ["execlineb", "-Pc", a[8]]);
        else (path, argv) = ("./data/check", ["./data/check"]);

        for (; forever || tries > 0; tries--)
        {
            // the pause before this try
            int w = Wait([parent], Math.Min(sleep, Left(deadline)));
            sleep = waiting == 0 ? int.MaxValue : waiting;
            if (w == 0) return Outcome.Exit(2);
            if (Left(deadline) == 0) return Outcome.Exit(3);

            int pid = Spawn.Start(path, argv, inv.State.Env.Entries, RealProcess.SpawnRequest(inv.State));
            if (pid < 0)
            {
                inv.WarnErrno("unable to spawn " + argv[0], -pid);
                continue;
            }
            int check = SysPidfd.pidfd_open(pid);
            long localDeadline = local == 0 ? long.MaxValue : System.Environment.TickCount64 + local;
            int r = Wait([check, parent], Math.Min(Left(localDeadline), Left(deadline)));
            Unistd.close(check);
            if (r == 0)
            {
                if (Children.Wait(pid).Raw == 0)
                {
                    Unistd.WriteAll(notification, "\n"u8);
                    return Outcome.Exit(0);
                }
                continue;
            }
            if (r == 1)
            {
                Signal.kill(pid, Signal.SIGTERM);
                return Outcome.Exit(2);
            }
            if (Left(deadline) == 0)
            {
                Signal.kill(pid, Signal.SIGTERM);
                return Outcome.Exit(3);
            }
        }
        return Outcome.Exit(1);
    }

    static int Left(long deadline) =>
        deadline == long.MaxValue ? int.MaxValue : (int)Math.Clamp(deadline - System.Environment.TickCount64, 0, int.MaxValue);

    static int Wait(int[] fds, int ms) => Poll.WaitReadable(fds, ms == int.MaxValue ? -1 : ms);
}
