namespace Execline.Runtime;

/// One command that runs inside the interpreter's process, on the modelled process state.
public abstract class Builtin
{
    /// The name it prints in its messages.
    public abstract string Prog { get; }

    /// The text after "PROG: usage: ".
    public abstract string Usage { get; }

    /// True when it only transforms the state (no I/O on the chain's descriptors, no waiting), so it may
    /// run in our process before a block that must run concurrently is spawned.
    public virtual bool RunsEagerly => false;

    public abstract Outcome Run(Invocation inv);
}
