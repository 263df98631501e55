using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.ProcessControl;

/// s6-notifyoncheck [ -d ] [ -3 fd ] [ -s initialsleep ] [ -T globaltimeout ] [ -t localtimeout ]
/// [ -w waitingtime ] [ -n tries ] [ -c "checkprog..." ] prog... — run in a service directory, execs prog
/// and polls ./data/check (or the execline command line checkprog) in a process of its own until it
/// succeeds, then writes a newline on the notification descriptor (fd, or the number in
/// ./notification-fd) so s6-supervise marks the service ready. Upstream's checker listens for the service's
/// 'd' event to stop; ours watches prog's process end, which is the same moment for a supervised service.
public sealed class NotifyOnCheck : Builtin
{
    public override string Usage =>
        "s6-notifyoncheck [ -d ] [ -3 fd ] [ -s initialsleep ] [ -T globaltimeout ] [ -t localtimeout ] [ -w waitingtime ] [ -n tries ] [ -c \"checkprog...\" ] prog...";

    public override Outcome Run(Invocation inv)
    {
        bool doubleFork = false, autodetect = true;
        int fd = 0;
        string initial = "10", global = "0", local = "0", waiting = "1000", tries = "7";
        string? checkprog = null;
        var g = new Getopt(inv.Argv, "d3:s:T:t:w:n:c:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'd': doubleFork = true; break;
                case '3': if (!Numbers.TryUInt(arg, out fd)) throw inv.Usage(); autodetect = false; break;
                case 's': initial = Number(inv, arg); break;
                case 'T': global = Number(inv, arg); break;
                case 't': local = Number(inv, arg); break;
                case 'w': waiting = Number(inv, arg); break;
                case 'n': tries = Number(inv, arg); break;
                case 'c': checkprog = arg; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        int ok = Supervised.Check(".", out int errno);
        if (ok < 0) throw inv.DieErrno(111, "unable to sanity-check current service directory", errno);
        if (ok == 0) throw inv.Die(100, "s6-supervise not running.");
        if (autodetect) fd = NotificationFd(inv);
        int real = inv.State.Fds.Real(fd);
        if (real < 0 || Fcntl.fcntl(real, Fcntl.F_GETFD, 0) < 0)
            throw inv.DieErrno(111, "notification-fd sanity check failed", real < 0 ? 9 : Errno.Value);

        // the global timeout runs from now, not from when the checker is up
        long deadline = global == "0" ? 0 : System.Environment.TickCount64 + long.Parse(global);
        var child = new List<string>
        {
            NotifyOnCheckChild.Name, Unistd.getpid().ToString(), fd.ToString(), initial, deadline.ToString(), local, waiting, tries,
        };
        if (checkprog != null) child.Add(checkprog);
        var state = inv.State.Clone();
        int pid = doubleFork ? DoubleFork.Spawn(inv, child, state, NotifyOnCheckChild.Name) : inv.SpawnBlock(child, state);
        if (pid < 0) throw inv.DieErrno(111, doubleFork ? "unable to doublefork" : "unable to fork", -pid);
        // the descriptor is the checker's business now, as upstream's parent closes it before its exec
        inv.State.Fds.Close(fd);
        return Outcome.Exec(inv.Rest(g.Index));
    }

    static string Number(Invocation inv, string? arg) =>
        Numbers.TryUInt(arg, out var n) ? n.ToString() : throw inv.Usage();

    static int NotificationFd(Invocation inv)
    {
        int fd = Fcntl.Open("notification-fd", Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        if (fd < 0) throw inv.DieErrno(111, "unable to read ./notification-fd", Errno.Value);
        var data = Unistd.ReadAll(fd, out int err);
        Unistd.close(fd);
        if (data == null) throw inv.DieErrno(111, "unable to read ./notification-fd", err);
        var text = Text.Bytes.Latin1(data.AsSpan(0, Math.Min(data.Length, 10)));
        int nl = text.IndexOf('\n');
        if (nl >= 0) text = text.Substring(0, nl);
        return Numbers.TryUInt(text, out var n) ? n : throw inv.Die(100, "invalid ./notification-fd");
    }
}
