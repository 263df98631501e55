using Execline.Runtime;

namespace Execline.Builtins.Jobs;

/// background [ -d ] { command... } remainder... — start the block and, without waiting for it, exec into
/// the remainder with ! set to its pid. -d: the block runs as a grandchild, so it is not our child.
public sealed class Background : Builtin
{
    public override string Usage => "background [ -d ] { command... }";

    public override Outcome Run(Invocation inv)
    {
        bool doubleFork = false;
        var g = new Getopt(inv.Argv, "d");
        while (g.Next(out char opt, out _))
        {
            if (opt != 'd') throw inv.Usage();
            doubleFork = true;
        }
        int start = g.Index;
        int end = Block.Read(inv, inv.Argv, start, out var block);
        if (end == start) throw inv.Die(100, "empty block");
        if (end < 0) throw inv.Die(100, "unterminated block");
        var rest = inv.Rest(end + 1);
        // With nothing to run afterwards, nobody would wait for the child anyway: -d is skipped.
        int pid;
        if (doubleFork && rest.Count > 0)
        {
            pid = DoubleFork.Spawn(inv, block, inv.State.Clone(), "background (grandchild)");
            if (pid < 0) throw inv.DieErrno(111, "unable to doublefork", -pid);
        }
        else
        {
            pid = inv.SpawnBlock(block);
            if (pid < 0) throw inv.DieErrno(111, $"unable to spawn {block[0]}", -pid);
        }
        if (rest.Count == 0) return Outcome.Exit(0);
        inv.Env.Set("!", pid.ToString());
        return Outcome.Exec(rest);
    }
}
