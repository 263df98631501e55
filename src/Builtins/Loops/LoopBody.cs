using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Loops;

/// The command a loop runs for each item, with var=value added to its environment. With -E it runs
/// through "importas -ui -- var var" so that $var in it is substituted (and var removed again).
public sealed class LoopBody
{
    readonly Invocation _inv;
    readonly IReadOnlyList<string> _argv;
    readonly string _var;

    public LoopBody(Invocation inv, IReadOnlyList<string> command, string var, bool import)
    {
        _inv = inv;
        _var = var;
        _argv = import ? SetAndExec.ImportedBy(var, command) : command;
    }

    /// The name upstream reports when the body cannot be started: the command's own first word.
    string Name => _argv.Count > 0 ? _argv[0] : "";

    ProcessState StateFor(string value)
    {
        var st = _inv.State.Clone();
        // The value travels as a C string: it ends at its first NUL.
        int nul = value.IndexOf('\0');
        st.Env.Set(_var, nul < 0 ? value : value.Substring(0, nul));
        return st;
    }

    /// Runs the body for one value and waits for it.
    public WaitStatus Run(string value)
    {
        return _inv.RunBlockOrDie(_argv, StateFor(value));
    }

    /// Starts the body for one value without waiting; returns its pid.
    public int Spawn(string value)
    {
        int pid = _inv.SpawnBlock(_argv, StateFor(value));
        if (pid < 0) throw _inv.DieErrno(111, $"unable to spawn {Name}", -pid);
        return pid;
    }
}
