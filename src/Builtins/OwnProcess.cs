using Execline.Runtime;

namespace Execline.Builtins;

/// Some commands need the process upstream would have: inside a block run in our process, the pid a
/// command reports, or the children it starts, reaps or receives signals for, would be the caller's. Such a command reruns itself as
/// a real program (this binary under the command's name), which the block then spawns and waits for.
static class OwnProcess
{
    public static Outcome Continue(Invocation inv)
    {
        var argv = new List<string>(inv.Argv) { [0] = inv.Prog };
        return Outcome.Exec(argv, Self.Path);
    }
}
