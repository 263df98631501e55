using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6-softlimit [ -a allbytes ] [ -c corebytes ] [ -d databytes ] [ -f filebytes ] [ -l lockbytes ]
/// [ -m membytes ] [ -o openfiles ] [ -p processes ] [ -r residentbytes ] [ -s stackbytes ] [ -t cpusecs ]
/// prog... — exec prog with lower resource limits. Each option applies in order: the soft limit, capped
/// at the hard one; "=" means the hard limit. The undocumented -h makes later options set the hard limit
/// only, -H both. Limits belong to a process: inside a block run in ours, this becomes a process of its
/// own. The address space, data and stack limits are set just before prog is exec'd (the runtime running
/// the chain would not survive them), after the same checks setrlimit would make.
public sealed class SoftLimit : Builtin
{
    public override string Usage =>
        "s6-softlimit [ -a allbytes ] [ -c corebytes ] [ -d databytes ] [ -f filebytes ] [ -l lockbytes ] [ -m membytes ] [ -o openfiles ] [ -p processes ] [ -r residentbytes ] [ -s stackbytes ] [ -t cpusecs ] prog...";

    const int Soft = 1, Hard = 2;

    public override Outcome Run(Invocation inv)
    {
        int what = Soft;
        var g = new Getopt(inv.Argv, "hHa:c:d:f:l:m:o:p:r:s:t:");
        while (g.Next(out var c, out var arg))
        {
            int[] resources = c switch
            {
                'a' => [SysResource.RLIMIT_AS],
                'c' => [SysResource.RLIMIT_CORE],
                'd' => [SysResource.RLIMIT_DATA],
                'f' => [SysResource.RLIMIT_FSIZE],
                'l' => [SysResource.RLIMIT_MEMLOCK],
                'm' => [SysResource.RLIMIT_DATA, SysResource.RLIMIT_STACK, SysResource.RLIMIT_MEMLOCK, SysResource.RLIMIT_AS],
                'o' => [SysResource.RLIMIT_NOFILE],
                'p' => [SysResource.RLIMIT_NPROC],
                'r' => [SysResource.RLIMIT_RSS],
                's' => [SysResource.RLIMIT_STACK],
                't' => [SysResource.RLIMIT_CPU],
                _ => [],
            };
            // upstream ignores an unknown option here and goes on
            if (c == 'h') what = Hard;
            else if (c == 'H') what = Soft | Hard;
            foreach (var r in resources) Limit(inv, r, arg!, what);
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        return Outcome.Exec(inv.Rest(g.Index));
    }

    static void Limit(Invocation inv, int resource, string arg, int what)
    {
        bool deferred = resource is SysResource.RLIMIT_AS or SysResource.RLIMIT_DATA or SysResource.RLIMIT_STACK;
        if (!Current(inv.State, resource, deferred, out var cur, out var max))
            throw inv.DieErrno(111, "unable to getrlimit", Errno.Value);
        var (oldMax, newCur, newMax) = (max, cur, max);
        if (arg == "=")
        {
            if ((what & Hard) != 0) newMax = SysResource.RLIM_INFINITY;
            if ((what & Soft) != 0) newCur = newMax;
        }
        else
        {
            if (!Numbers.TryUnsigned(arg, out var n)) throw inv.Usage();
            if ((what & Hard) != 0) newMax = n;
            if ((what & Soft) != 0) newCur = Math.Min(n, newMax);
        }
        if (!deferred)
        {
            if (SysResource.SetLimit(resource, newCur, newMax) < 0) throw inv.DieErrno(111, "unable to setrlimit", Errno.Value);
            return;
        }
        if (newCur > newMax) throw inv.DieErrno(111, "unable to setrlimit", Errno.EINVAL);
        if (newMax > oldMax && Unistd.geteuid() != 0) throw inv.DieErrno(111, "unable to setrlimit", Errno.EPERM);
        var limits = inv.State.ExecLimits ??= new();
        limits.RemoveAll(l => l.Resource == resource);
        limits.Add((resource, newCur, newMax));
    }

    /// The limits as prog would find them: the pending ones when an earlier s6-softlimit set some.
    static bool Current(ProcessState st, int resource, bool deferred, out ulong cur, out ulong max)
    {
        if (deferred)
            foreach (var l in st.ExecLimits ?? [])
                if (l.Resource == resource) { (cur, max) = (l.Soft, l.Hard); return true; }
        return SysResource.GetLimit(resource, out cur, out max);
    }
}
