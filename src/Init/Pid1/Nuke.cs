using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Pid1;

/// s6-overlay-nuke [ -h ] [ -t ] waiterpidfile — s6-nuke's broadcasts of the final shutdown (HUP with -h,
/// TERM then CONT with -t, to every process but this one and its ancestors), except for the CMD when
/// S6_CMD_STOP_SIGNAL names another signal than TERM: the CMD (the child of the process that waits for it,
/// v2's stage 2 or v3's rc.init, whose pid is in waiterpidfile while the CMD runs) gets that signal and
/// SIGCONT, and neither it nor its descendants get HUP or TERM: the CMD stops its own children the way it
/// stops (nginx's SIGQUIT waits for its workers to finish their requests). The final KILL, after
/// S6_KILL_GRACETIME, still reaches everything. Without the variable, it is s6-nuke.
public sealed class Nuke : Builtin
{
    public const string Name = "s6-overlay-nuke";
    public override string Usage => Name + " [ -h ] [ -t ] waiterpidfile";

    public override Outcome Run(Invocation inv)
    {
        bool hangup = false, terminate = false;
        var g = new Getopt(inv.Argv, "ht");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'h': hangup = true; break;
                case 't': terminate = true; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index != inv.Argv.Count - 1) throw inv.Usage();
        var spared = ProcessTable.SelfAndAncestors();
        int stop = CmdStopSignal.Read(inv);
        int waiter = stop == Signal.SIGTERM ? 0 : Pid(inv.Argv[g.Index]);
        var cmd = new List<int>();
        if (waiter > 0)
        {
            (cmd, var below) = ProcessTable.Descendants(waiter);
            spared.UnionWith(below);
        }
        ProcessTable.Nuke(spared, hangup, terminate);
        // The CMD last: its waiter already has its TERM pending when the CMD's exit could wake it, so the
        // waiter says nothing of an exit a docker stop caused, as without the variable.
        foreach (int pid in cmd)
        {
            Signal.kill(pid, stop);
            Signal.kill(pid, Signal.SIGCONT);
        }
        return Outcome.Exit(0);
    }

    /// The waiter's pid while the CMD runs, or 0.
    static int Pid(string pidFile)
    {
        var data = Unistd.ReadFile(pidFile);
        return data != null && int.TryParse(Text.Bytes.Latin1(data).Trim(), out int pid) && pid > 1 ? pid : 0;
    }
}
