using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Pid1;

/// s6-overlay-nuke [ -h ] [ -t ] cmdpidfile — s6-nuke's broadcasts of the final shutdown (HUP with -h,
/// TERM then CONT with -t, to every process but this one and its ancestors), except for the CMD when
/// S6_CMD_STOP_SIGNAL names another signal than TERM: the CMD (its pid is in cmdpidfile while it runs)
/// gets that signal and SIGCONT, and neither it nor its descendants get HUP or TERM: the CMD stops its own
/// children the way it stops (nginx's SIGQUIT waits for its workers to finish their requests). The final
/// KILL, after S6_KILL_GRACETIME, still reaches everything. Without the variable, it is s6-nuke.
public sealed class Nuke : Builtin
{
    public const string Name = "s6-overlay-nuke";
    public override string Usage => Name + " [ -h ] [ -t ] cmdpidfile";

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
        int cmd = stop == Signal.SIGTERM ? 0 : Cmd(inv.Argv[g.Index]);
        if (cmd > 0)
        {
            spared.UnionWith(ProcessTable.Descendants(cmd));
            Signal.kill(cmd, stop);
            Signal.kill(cmd, Signal.SIGCONT);
        }
        if (hangup) ProcessTable.Broadcast(Signal.SIGHUP, spared);
        if (terminate)
        {
            ProcessTable.Broadcast(Signal.SIGTERM, spared);
            ProcessTable.Broadcast(Signal.SIGCONT, spared);
        }
        return Outcome.Exit(0);
    }

    /// The CMD's pid while it runs, or 0.
    static int Cmd(string pidFile)
    {
        var data = Unistd.ReadFile(pidFile);
        return data != null && int.TryParse(Text.Bytes.Latin1(data).Trim(), out int pid) && pid > 1 ? pid : 0;
    }
}
