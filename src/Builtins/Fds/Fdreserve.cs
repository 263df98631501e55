using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// fdreserve n prog... — find n descriptor numbers free in the modelled process and export them as
/// FD0..FDn-1 (they are not kept open), then exec prog.
public sealed class Fdreserve : Builtin
{
    public override string Usage => "fdreserve n prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3 || !FdOps.TryFd(inv.Argv[1], out var n)) throw inv.Usage();
        long limit = FdOps.Limit;
        if (n > limit) throw inv.Die(100, "too many requested fds");
        // Upstream opens n/2 pipes (each taking the two lowest free numbers), then /dev/null for an odd n,
        // and closes them all: the numbers, and the order the variables are set in, follow from that.
        var fds = inv.State.Fds;
        int cursor = 0;
        int NextFree()
        {
            while (fds.IsOpen(cursor)) cursor++;
            return cursor++;
        }
        var pairs = new int[n / 2 * 2];
        for (long i = 0; i < n / 2; i++)
        {
            pairs[2 * i] = NextFree();
            pairs[2 * i + 1] = NextFree();
            if (pairs[2 * i + 1] >= limit) throw inv.DieErrno(111, "unable to reserve fds", Errno.EMFILE);
        }
        if ((n & 1) != 0)
        {
            int last = NextFree();
            if (last >= limit) throw inv.DieErrno(111, "unable to reserve last fd", Errno.EMFILE);
            inv.Env.Set($"FD{n - 1}", last.ToString());
        }
        for (int i = 0; i < pairs.Length; i++) inv.Env.Set($"FD{i}", pairs[i].ToString());
        return inv.Exec(inv.Rest(2));
    }
}
