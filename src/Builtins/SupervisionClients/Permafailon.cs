using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// s6-permafailon seconds deathcount statuslist prog... — for a finish script, whose cwd is the service
/// directory: when supervise/death_tally has deathcount deaths within the last seconds whose exit code or
/// signal is in statuslist, says so and exits 125, which s6-supervise takes as a permanent failure (the
/// service stays down); otherwise execs prog. A tally it cannot read is warned about and prog runs.
public sealed class Permafailon : Builtin
{
    public override string Usage => "s6-permafailon seconds deathcount statuslist prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 4) throw inv.Usage();
        if (!Numbers.TryUnsigned(inv.Argv[1], out ulong seconds) || seconds > uint.MaxValue) throw inv.Usage();
        if (!Numbers.TryUnsigned(inv.Argv[2], out ulong count) || count > uint.MaxValue || count == 0) throw inv.Usage();
        count = Math.Min(count, DeathTally.Ceiling);
        var (codes, signals) = StatusList(inv, inv.Argv[3]);
        var prog = inv.Rest(4);

        var data = Unistd.ReadFile(DeathTally.File);
        if (data == null)
        {
            inv.WarnErrno($"unable to stat {DeathTally.File}", Errno.Value);
            return Outcome.Exec(prog);
        }
        var deaths = DeathTally.Decode(data);
        if (deaths == null)
        {
            inv.Warn($"invalid {DeathTally.File}");
            return Outcome.Exec(prog);
        }
        if ((ulong)deaths.Length < count) return Outcome.Exec(prog);
        var since = Tai64n.Now();
        since = since with { Seconds = since.Seconds - Math.Min(seconds, since.Seconds) };
        ulong matches = 0;
        foreach (var d in deaths)
        {
            if (d.Stamp.CompareTo(since) < 0) continue;
            if (!(d.Signal != 0 && signals.Contains(d.Signal)) && !codes[d.ExitCode]) continue;
            if (++matches < count) continue;
            string what = d.Signal != 0 ? $"signal {d.Signal}" : $"exit code {d.ExitCode}";
            inv.WriteErr($"{inv.Prog}: info: PERMANENT FAILURE triggered after {count} events involving {what} in the last {seconds} seconds\n");
            return Outcome.Exit(125);
        }
        return Outcome.Exec(prog);
    }

    /// Exit codes (N or N-M, 0 to 255) and signal names or numbers, separated by commas, semicolons or
    /// blanks.
    static (bool[] Codes, HashSet<int> Signals) StatusList(Invocation inv, string list)
    {
        var codes = new bool[256];
        var signals = new HashSet<int>();
        foreach (var item in list.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsAsciiDigit(item[0]))
            {
                int dash = item.IndexOf('-');
                string low = dash < 0 ? item : item[..dash];
                if (!Numbers.TryUnsigned(low, out ulong from)) throw inv.Die(100, "invalid status list specification");
                if (from > 255) throw inv.Die(100, "invalid exit code");
                ulong to = from;
                if (dash >= 0)
                {
                    if (!Numbers.TryUnsigned(item[(dash + 1)..], out to)) throw inv.Die(100, "invalid interval specification");
                    if (to > 255) throw inv.Die(100, "invalid exit code");
                    if (to < from) throw inv.Die(100, "invalid interval");
                }
                for (ulong c = from; c <= to; c++) codes[c] = true;
                continue;
            }
            if (!SignalNames.TryScan(item, out uint sig)) throw inv.Die(100, "invalid status list specification");
            if (sig == 0 || sig > 64) throw inv.Die(100, "invalid signal");
            signals.Add((int)sig);
        }
        return (codes, signals);
    }
}
