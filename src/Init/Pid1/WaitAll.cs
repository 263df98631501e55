using Execline.Native;
using Execline.Runtime;

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
    public override string Prog => "s6-overlay-waitall";
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
        var spared = SelfAndAncestors();
        while (true)
        {
            while (Children.WaitAny(out _, noHang: true) > 0) { }
            if (!AnyOtherAlive(spared)) return true;
            long left = deadline - Environment.TickCount64;
            if (left <= 0) return false;
            Thread.Sleep((int)Math.Min(left, 10));
        }
    }

    static HashSet<int> SelfAndAncestors()
    {
        var set = new HashSet<int>();
        for (int pid = Environment.ProcessId; pid > 0 && set.Add(pid);)
            pid = ReadStat(pid, out _) ?? 0;
        return set;
    }

    static bool AnyOtherAlive(HashSet<int> spared)
    {
        foreach (var name in Libc.ListDirectory("/proc") ?? [])
        {
            if (!int.TryParse(name, out int pid) || spared.Contains(pid)) continue;
            if (ReadStat(pid, out char state) != null && state != 'Z' && state != 'X') return true;
        }
        return false;
    }

    /// The parent pid and state from /proc/PID/stat, or null when the process is gone.
    static int? ReadStat(int pid, out char state)
    {
        state = '?';
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length) return null;
        var fields = text.Substring(close + 2).Split(' ');
        state = fields[0].Length > 0 ? fields[0][0] : '?';
        return fields.Length > 1 && int.TryParse(fields[1], out int ppid) ? ppid : null;
    }
}
