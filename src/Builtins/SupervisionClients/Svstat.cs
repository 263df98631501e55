using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// s6-svstat [ -uwNrpest | -o fields ] [ -n ] servicedir — prints a supervised service's state: one
/// human line, or the fields asked for separated by spaces.
public sealed class Svstat : Builtin
{
    public override string Usage => "s6-svstat [ -uwNrpest | -o up,wantedup,normallyup,ready,paused,pid,exitcode,signal,signum,updownsince,readysince,updownfor,readyfor ] [ -n ] servicedir";

    const int MaxFields = 16;

    public override Outcome Run(Invocation inv)
    {
        bool numeric = false;
        var fields = new List<Func<ServiceView, string>>();
        var g = new Getopt(inv.Argv, "no:uwNrpest");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': numeric = true; break;
                case 'o': AddNamed(inv, fields, arg!); break;
                case 'u': Add(inv, fields, "up"); break;
                case 'w': Add(inv, fields, "wantedup"); break;
                case 'N': Add(inv, fields, "normallyup"); break;
                case 'r': Add(inv, fields, "ready"); break;
                case 'p': Add(inv, fields, "pid"); break;
                case 'e': Add(inv, fields, "exitcode"); break;
                case 's': Add(inv, fields, "signal"); break;
                case 't': Add(inv, fields, "updownfor"); break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var dir = inv.Argv[g.Index];
        var view = Look(inv, dir);
        var line = fields.Count == 0 ? HumanLine(view, numeric) : string.Join(' ', fields.Select(f => f(view)));
        int err = inv.Write(1, line + "\n");
        if (err != 0) throw inv.DieErrno(111, "unable to write to stdout", err);
        return Outcome.Exit(0);
    }

    /// Only a running supervisor's status is worth reading: without one it may be arbitrarily old.
    static ServiceView Look(Invocation inv, string dir)
    {
        int r = Supervised.Check(dir, out int errno);
        if (r < 0) throw inv.DieErrno(111, "unable to check " + dir, errno);
        if (r == 0) throw inv.DieBare(1, $"unable to read status for {dir}: s6-supervise not running");
        var data = Unistd.ReadFile(dir + "/supervise/status") ?? throw inv.DieErrno(111, "unable to read status for " + dir, Errno.Value);
        if (!ServiceStatus.TryDecode(data, out var status)) throw inv.DieErrno(111, "unable to read status for " + dir, Errno.EPIPE);
        var now = Tai64n.Now();
        if (status.Stamp.CompareTo(now) > 0) status.Stamp = now;
        bool normallyUp;
        if (Unistd.Access(dir + "/down", Unistd.F_OK) == 0) normallyUp = false;
        else if (Errno.Value == Errno.ENOENT) normallyUp = true;
        else throw inv.DieErrno(111, $"unable to access {dir}/down", Errno.Value);
        return new ServiceView(status, normallyUp, now);
    }

    static void Add(Invocation inv, List<Func<ServiceView, string>> fields, string name)
    {
        if (fields.Count >= MaxFields) throw inv.Die(100, "too many option fields");
        fields.Add(StatusField.Named(name));
    }

    /// A comma-separated list of field names (a trailing comma is allowed, an empty name is not).
    static void AddNamed(Invocation inv, List<Func<ServiceView, string>> fields, string list)
    {
        int i = 0;
        while (i < list.Length)
        {
            int comma = list.IndexOf(',', i);
            var name = list.Substring(i, (comma < 0 ? list.Length : comma) - i);
            if (name.Length == 0) throw inv.Die(100, "invalid null option field");
            var print = StatusField.Find(name) ?? throw inv.Die(100, "invalid option field: " + name);
            if (fields.Count >= MaxFields) throw inv.Die(100, "too many option fields");
            fields.Add(print);
            i = comma < 0 ? list.Length : comma + 1;
        }
    }

    /// `up (pid P) S seconds` or `down (exitcode N|signal SIGX) S seconds`, then what differs from the
    /// usual: normally down/up, paused, want up/down, and how long it has been ready.
    static string HumanLine(ServiceView v, bool numeric)
    {
        var s = v.Status;
        var b = new System.Text.StringBuilder();
        var death = new WaitStatus(s.Wstat);
        if (v.Up) b.Append("up (pid ").Append(s.Pid).Append(") ");
        else if (death.IsSignaled)
            b.Append("down (signal ").Append(numeric ? death.Signal.ToString() : "SIG" + SignalNames.Name((uint)death.Signal)).Append(") ");
        else b.Append("down (exitcode ").Append(death.ExitCode).Append(") ");
        b.Append(v.Now.SecondsSince(s.Stamp)).Append(" seconds");
        if (v.Up && !v.NormallyUp) b.Append(", normally down");
        if (!v.Up && v.NormallyUp) b.Append(", normally up");
        if (v.Up && s.Paused) b.Append(", paused");
        if (!v.Up && s.WantUp) b.Append(", want up");
        if (v.Up && !s.WantUp) b.Append(", want down");
        if (s.Ready) b.Append(", ready ").Append(v.Now.SecondsSince(s.ReadyStamp)).Append(" seconds");
        return b.ToString();
    }
}
