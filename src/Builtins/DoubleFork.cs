using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins;

/// Starts a block as a grandchild, so that it is nobody's child once its parent is gone (what upstream's
/// doublefork does for background -d, pipeline -d and heredoc -d). An intermediate process of ours starts it, writes its pid into a
/// pipe and exits; we reap the intermediate and read the pid.
public sealed class DoubleFork : Builtin
{
    /// The hidden command name of the intermediate (not a link; reachable only by argv[0]).
    public const string Name = "execline (doublefork)";

    public override string Usage => Name + " fd prog { command... }";

    /// Returns the grandchild's pid, or -errno when the intermediate could not be started. prog is the
    /// name the grandchild's messages carry when its program cannot be run.
    public static int Spawn(Invocation inv, IReadOnlyList<string> block, ProcessState st, string prog)
    {
        var (r, w) = Unistd.Pipe();
        if (r < 0) return -Errno.Value;
        int fd = st.Fds.LowestFree(3);
        st.Fds.Set(fd, w);
        int pid = inv.SpawnBlock([Name, fd.ToString(), prog, .. block], st);
        Unistd.close(w);
        if (pid < 0)
        {
            Unistd.close(r);
            return pid;
        }
        var text = Unistd.ReadAll(r, out _);
        Unistd.close(r);
        inv.Wait(pid);
        return text != null && Numbers.TryUInt(Text.Bytes.Latin1(text), out var grandchild) ? grandchild : pid;
    }

    public override Outcome Run(Invocation inv)
    {
        var argv = inv.Argv;
        if (argv.Count < 3 || !Numbers.TryUInt(argv[1], out var fd)) throw inv.Usage();
        int report = inv.State.Fds.Real(fd);
        inv.State.Fds.Close(fd);
        var block = inv.Rest(3);
        int pid = inv.SpawnBlock(block);
        if (pid < 0)
        {
            // The grandchild upstream would have been forked, then failed to exec.
            inv.WriteErr($"{argv[2]}: fatal: unable to exec {block[0]}: {Errno.StrError(-pid)}\n");
            pid = Unistd.getpid();
        }
        Unistd.WriteAll(report, Text.Bytes.ToBytes(pid.ToString()));
        return Outcome.Exit(0);
    }
}
