using Execline.Runtime;

namespace Execline.Builtins.Fds;

/// fdreserve n prog... — find n descriptor numbers free in the modelled process and export them as
/// FD0..FDn-1 (they are not kept open), then exec prog.
public sealed class Fdreserve : Builtin
{
    public override string Prog => "fdreserve";
    public override string Usage => "fdreserve n prog...";
    public override bool RunsEagerly => true;

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3 || !FdOps.TryFd(inv.Argv[1], out var n)) throw inv.Usage();
        long limit = FdOps.Limit;
        if (n > limit) throw inv.Die(100, "too many requested fds");
        // Upstream opens n/2 pipes (each taking the two lowest free numbers), then /dev/null for an odd n,
        // and closes them all: the numbers, and the order the variables are set in, follow from that.
        var taken = new List<int>();
        for (long i = 0; i < n / 2; i++)
        {
            if (!Take(inv.State, taken, limit, 2)) throw inv.DieErrno(111, "unable to reserve fds", FdOps.EMFILE);
        }
        if ((n & 1) != 0)
        {
            if (!Take(inv.State, taken, limit, 1)) throw inv.DieErrno(111, "unable to reserve last fd", FdOps.EMFILE);
            inv.Env.Set($"FD{n - 1}", taken[^1].ToString());
        }
        for (int i = 0; i < (int)(n / 2) * 2; i++) inv.Env.Set($"FD{i}", taken[i].ToString());
        return inv.Exec(inv.Rest(2));
    }

    /// Takes count lowest free numbers, all or none, as pipe() and open() would.
    static bool Take(ProcessState st, List<int> taken, long limit, int count)
    {
        int first = taken.Count;
        for (int k = 0; k < count; k++)
        {
            int fd = FdOps.LowestFree(st, taken);
            if (fd >= limit)
            {
                taken.RemoveRange(first, taken.Count - first);
                return false;
            }
            taken.Add(fd);
        }
        return true;
    }
}
