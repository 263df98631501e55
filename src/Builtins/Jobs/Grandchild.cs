using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Jobs;

/// background -d without fork: an intermediate process of ours starts the block, reports its pid through
/// a pipe and exits at once, so the block is orphaned exactly like upstream's double-forked grandchild.
/// The intermediate is this binary under a name no script uses: "background (grandchild)" FD block...
public sealed class Grandchild : Builtin
{
    public const string Name = "background (grandchild)";
    public override string Prog => Name;
    public override string Usage => "background [ -d ] { command... }";

    /// Runs in background's process: returns the grandchild's pid, or -errno when no intermediate started.
    public static int Start(Invocation inv, IReadOnlyList<string> block)
    {
        var (r, w) = Libc.Pipe();
        if (r < 0) throw inv.DieErrno(111, "unable to doublefork", Libc.Errno);
        var st = inv.State.Clone();
        int n = Math.Max(st.Fds.Highest, 2) + 1;
        st.Fds.Set(n, w);
        var argv = new List<string>(block.Count + 2) { Name, n.ToString() };
        argv.AddRange(block);
        int child = inv.SpawnBlock(argv, st);
        Libc.close(w);
        if (child < 0)
        {
            Libc.close(r);
            throw inv.DieErrno(111, "unable to doublefork", -child);
        }
        var report = Libc.ReadAll(r, out int err);
        Libc.close(r);
        inv.Wait(child);
        if (report == null) throw inv.DieErrno(111, "unable to doublefork", err);
        if (!int.TryParse(Text.Bytes.Latin1(report), out int pid)) throw inv.Die(111, "unable to doublefork");
        return pid;
    }

    /// Runs in the intermediate process.
    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3 || !int.TryParse(inv.Argv[1], out int n)) throw inv.Usage();
        var st = inv.State.Clone();
        int report = st.Fds.Real(n);
        st.Fds.Close(n);
        var block = inv.Rest(2);
        int pid = inv.SpawnBlock(block, st);
        if (pid < 0)
        {
            inv.WriteErr($"{Prog}: fatal: unable to exec {block[0]}: {Libc.StrError(-pid)}\n");
            pid = Libc.getpid();
        }
        Libc.WriteAll(report, Text.Bytes.ToBytes(pid.ToString()));
        return Outcome.Exit(0);
    }
}
