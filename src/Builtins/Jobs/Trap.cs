using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Jobs;

/// trap [ -x ] { signal { cmdline } ... } prog... — run prog as a child; when a listed signal arrives, run
/// its cmdline (! = prog's pid, SIGNAL = the number) unless that one is still running. `default` stands for
/// every signal without its own entry; -x forwards the others to prog. Exits with prog's estatus.
public sealed class Trap : Builtin
{
    public override string Usage => "trap [ -x ] { signal { cmdline } ... } prog...";

    public override Outcome Run(Invocation inv)
    {
        // The caught signals are read from a signalfd. The runtime unblocks SIGRTMIN, its own
        // thread-interruption signal, at every start: asking for that one too would re-exec forever.
        var quiet = TryParseQuietly(inv);
        if (quiet != null) SignalMask.BlockEverywhere(inv, quiet.Caught.Without(Signal.SIGRTMIN));
        return TrapLoop.Run(inv, Parse(inv));
    }

    /// The plan, worked out without printing anything (no strict-mode warnings, no errors).
    static TrapPlan? TryParseQuietly(Invocation inv)
    {
        var st = inv.State.Clone();
        st.Env.Unset("EXECLINE_STRICT");
        try { return Parse(new Invocation(inv.Command, inv.Argv, st)); }
        catch (Fatal) { return null; }
    }

    static TrapPlan Parse(Invocation inv)
    {
        bool forward = false;
        var g = new Getopt(inv.Argv, "xt:");
        while (g.Next(out char opt, out _))
        {
            if (opt != 'x') throw inv.Usage();
            forward = true;
        }
        int start = g.Index;
        if (start >= inv.Argv.Count) throw inv.Usage();
        int end = Block.Read(inv, inv.Argv, start, out var outer);
        if (end == start) throw inv.Die(100, "empty block");
        if (end < 0) throw inv.Die(100, "unterminated block");
        if (end + 1 == inv.Argv.Count) throw inv.Usage();

        var plan = new TrapPlan(forward, inv.Rest(end + 1));
        for (int i = 0; i < outer.Count;)
        {
            var name = outer[i++];
            if (!SignalNames.TryScan(name, out uint sig))
            {
                if (!SignalNames.AsciiEqualsIgnoreCase(name, "default")) throw inv.Die(100, $"unrecognized directive: {name}");
                sig = 0;
            }
            int close = Block.Read(inv, outer, i, out var command);
            if (close < 0) throw inv.Die(100, $"unterminated internal block for directive {name}");
            // Numbers past the last signal are undefined upstream (it reads outside its table): refused.
            if (sig < TrapPlan.Slots && plan.Commands[sig] != null) throw inv.Die(100, $"duplicate directive: {name}");
            if (sig != 0 && (sig == Signal.SIGCHLD || !TrapPlan.Catchable.Contains((int)Math.Min(sig, 65))))
                throw inv.Die(100, $"SIG{SignalNames.Name(sig)} ({sig}) cannot be trapped");
            plan.Commands[sig] = command;
            i = close + 1;
        }
        plan.ApplyDefault();
        return plan;
    }
}
