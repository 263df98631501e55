using Execline.Runtime;

namespace Execline.Builtins.Jobs;

/// wait [ -I | -i ] [ -a | -o ] [ -r | -t timeout ] { pids... } [ prog... ] — reap children: all the listed
/// ones (-a) or the first of them to die (-o); an empty list means any child. Without a block every word is
/// a pid and wait exits with the result; with one it execs into prog (-o: with ? and ! set).
public sealed class Wait : Builtin
{
    public override string Usage => "wait [ -I | -i ] [ -a | -o ] [ -r | -t timeout ] { pids... } [ prog... ]";

    public override Outcome Run(Invocation inv)
    {
        bool insist = false, justOne = false;
        long timeout = -1;
        var g = new Getopt(inv.Argv, "iIaort:");
        while (g.Next(out char opt, out string? arg))
        {
            switch (opt)
            {
                case 'i': insist = true; break;
                case 'I': insist = false; break;
                case 'a': justOne = false; break;
                case 'o': justOne = true; break;
                case 'r': timeout = 0; break;
                case 't':
                    if (!Numbers.TryUnsigned(arg, out var ms) || ms > uint.MaxValue) throw inv.Usage();
                    timeout = (long)ms;
                    break;
                default: throw inv.Usage();
            }
        }
        // Without a terminator (POSIX mode) every remaining word is a pid, read the way a block is.
        int end = Block.Read(inv, inv.Argv, g.Index, out var words);
        var pids = new List<int>(words.Count);
        foreach (var w in words)
        {
            if (!TryPid(w, out int p)) throw inv.Usage();
            pids.Add(p);
        }

        var waiter = new PidWaits(inv, pids);
        int e = timeout >= 0 ? waiter.WithTimeout(justOne, insist, timeout)
            : justOne ? (pids.Count > 0 ? waiter.FirstOfList() : waiter.Any())
            : (pids.Count > 0 ? waiter.AllOfList() : waiter.All());

        if (end < 0) return Outcome.Exit(e >= 0 ? e : 127);
        var rest = inv.Rest(end + 1);
        if (!justOne) return Outcome.Exec(rest);
        if (e < 0)
        {
            inv.Env.Unset("?");
            inv.Env.Unset("!");
        }
        else
        {
            inv.Env.Set("?", e.ToString());
            inv.Env.Set("!", waiter.Reaped.ToString());
        }
        return Outcome.Exec(rest);
    }

    /// A pid as skalibs scans a pid_t: an optional sign, then decimal digits within 32 bits (a negative
    /// magnitude may reach 2^32); the value wraps to 32 bits.
    static bool TryPid(string s, out int pid)
    {
        pid = 0;
        bool negative = s.StartsWith('-');
        var digits = negative || s.StartsWith('+') ? s.Substring(1) : s;
        if (!Numbers.TryUnsigned(digits, out var v)) return false;
        if (v > (negative ? 0x100000000UL : uint.MaxValue)) return false;
        pid = unchecked((int)(uint)(negative ? (ulong)(-(long)v) : v));
        return true;
    }
}
