using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Environment;

/// getpid [ -E | -e ] [ -P | -p ] variable prog... — exec prog with variable set to the pid of the
/// process running the chain (-P: of its parent).
public sealed class Getpid : Builtin
{
    public override string Prog => "getpid";
    public override string Usage => "getpid [ -E | -e ] [ -P | -p ] variable prog...";
    // Not eager: at the head of a concurrent block it must run in the block's own process.

    public override Outcome Run(Invocation inv)
    {
        bool import = false, parent = false;
        var g = new Getopt(inv.Argv, "EePp");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'E': import = true; break;
                case 'e': import = false; break;
                case 'P': parent = true; break;
                case 'p': parent = false; break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var variable = inv.Argv[g.Index];
        if (!inv.IsValidVariable(variable)) throw inv.Die(100, "invalid variable name");
        if (!inv.State.IsThisProcess) return InOwnProcess(inv);
        int pid = parent ? Libc.getppid() : Libc.getpid();
        return SetAndExec.Run(inv, inv.Rest(g.Index + 1), variable, pid.ToString(), import);
    }

    /// In a block run inside our process, the pid upstream reports is that of a process of the block's
    /// own: so the rest of the block gets one, and its exit code is the block's. (A signal that kills it
    /// can only come back as 128 + the signal.)
    static Outcome InOwnProcess(Invocation inv)
    {
        int pid = inv.SpawnBlock(inv.Argv, inv.State.Clone());
        if (pid < 0) throw inv.DieErrno(111, "unable to spawn getpid", -pid);
        var status = inv.Wait(pid);
        return Outcome.Exit(status.IsSignaled ? 128 + status.Signal : status.ExitCode);
    }
}
