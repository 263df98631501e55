using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Pid1;

/// s6-overlay-waitall [ -t timeout ] [ prog... ] — waits until no process is left in the PID namespace
/// but this one and its ancestors, or timeout milliseconds (0: forever), reaping its own children, then
/// execs prog (or exits 0 when all are gone, 99 on timeout).
///
/// s6-overlay sleeps its full grace time after the TERM broadcast of stage 3. Stage 3 waits with this
/// instead, so it goes on the moment the last process has exited. It looks at /proc rather than at its
/// children because stage 3 is not always everyone's parent: when the supervisor is still bringing
/// services down it runs as the supervisor's child, and when /init is not PID 1 orphans go elsewhere.
public sealed class WaitAll : Builtin
{
    public override string Usage => "s6-overlay-waitall [ -t timeout ] [ prog... ]";

    public override Outcome Run(Invocation inv)
    {
        ulong timeout = 0;
        var g = new Getopt(inv.Argv, "t:");
        while (g.Next(out var c, out var arg))
        {
            if (c != 't' || !Numbers.TryUnsigned(arg, out timeout)) throw inv.Usage();
        }
        bool gone = WaitForOthers(timeout == 0 ? long.MaxValue : Environment.TickCount64 + (long)Math.Min(timeout, long.MaxValue / 2));
        if (inv.Argv.Count > g.Index) return Outcome.Exec(inv.Rest(g.Index));
        return Outcome.Exit(gone ? 0 : 99);
    }

    static bool WaitForOthers(long deadline)
    {
        var spared = ProcessTable.SelfAndAncestors();
        while (true)
        {
            while (Children.WaitAny(out _, noHang: true) > 0) { }
            if (!ProcessTable.Others(spared).Any()) return true;
            long left = deadline - Environment.TickCount64;
            if (left <= 0) return false;
            Thread.Sleep((int)Math.Min(left, 10));
        }
    }
}
