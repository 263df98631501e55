using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Pid1;

/// s6-overlay-waitall [ -t timeout ] [ -x pid ]... [ prog... ] — waits until no process is left in the PID
/// namespace but this one, its ancestors and the -x ones, or timeout milliseconds (0: forever), reaping its
/// own children, then execs prog (or exits 0 when all are gone, 99 on timeout).
///
/// s6-overlay sleeps its full grace time after the TERM broadcast of stage 3. Stage 3 waits with this
/// instead, so it goes on the moment the last process has exited. It looks at /proc rather than at its
/// children because stage 3 is not always everyone's parent: when the supervisor is still bringing
/// services down it runs as the supervisor's child, and when /init is not PID 1 orphans go elsewhere.
/// s6-overlay v3's stage 3 spares the catch-all logger (-x): it ignores SIGTERM, and leaves only once
/// every writer of its fifo, process 1 last, is gone.
public sealed class WaitAll : Builtin
{
    public override string Usage => "s6-overlay-waitall [ -t timeout ] [ -x pid ]... [ prog... ]";

    public override Outcome Run(Invocation inv)
    {
        ulong timeout = 0;
        var spared = ProcessTable.SelfAndAncestors();
        var g = new Getopt(inv.Argv, "t:x:");
        while (g.Next(out var c, out var arg))
        {
            if (c == 't' && Numbers.TryUnsigned(arg, out timeout)) continue;
            if (c == 'x' && Numbers.TryUInt(arg, out int pid)) spared.Add(pid);
            else throw inv.Usage();
        }
        bool gone = WaitForOthers(spared, timeout == 0 ? long.MaxValue : Environment.TickCount64 + (long)Math.Min(timeout, long.MaxValue / 2));
        if (inv.Argv.Count > g.Index) return Outcome.Exec(inv.Rest(g.Index));
        return Outcome.Exit(gone ? 0 : 99);
    }

    static bool WaitForOthers(HashSet<int> spared, long deadline)
    {
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
