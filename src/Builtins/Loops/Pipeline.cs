using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// pipeline [ -d ] [ -r | -w ] { command... } command...
/// Starts the block with its stdout into a pipe and goes on with the rest reading the pipe on stdin
/// (-w: the rest writes into the block's stdin). `!` is the block's pid; -d makes it a grandchild.
public sealed class Pipeline : Builtin
{
    public override string Usage => "pipeline [ -d ] [ -r | -w ] { command... } command...";

    /// Run directly by forbacktickx too, on an invocation of its own (see there).
    public override Outcome Run(Invocation inv)
    {
        bool detach = false, write = false;
        var g = new Getopt(inv.Argv, "drw");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'd': detach = true; break;
                case 'r': write = false; break;
                case 'w': write = true; break;
                default: throw inv.Usage();
            }
        }
        int next = g.Index;
        var block = Block.ReadTerminated(inv, inv.Argv, ref next);
        if (next == inv.Argv.Count) throw inv.Die(100, "empty remainder");

        var (r, w) = Unistd.Pipe();
        if (r < 0) throw inv.DieErrno(111, "unable to create pipe", Errno.Value);
        // The block's end of the pipe is its stdout (or stdin with -w); ours replaces our stdin (stdout).
        int theirs = write ? r : w, ours = write ? w : r;
        var st = inv.State.Clone();
        st.Fds.Set(write ? 0 : 1, theirs);
        int pid = detach ? DoubleFork.Spawn(inv, block, st, "pipeline (grandchild)") : inv.SpawnBlock(block, st);
        Unistd.close(theirs);
        if (pid < 0)
        {
            Unistd.close(ours);
            throw inv.DieErrno(111, $"unable to spawn {block[0]}", -pid);
        }
        inv.State.Fds.Set(write ? 1 : 0, inv.State.Own(ours));
        inv.Env.Set("!", pid.ToString());
        return Outcome.Exec(inv.Rest(next));
    }
}
