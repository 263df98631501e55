namespace Execline.Runtime;

/// One command that runs inside the interpreter's process, on the modelled process state.
public abstract class Builtin
{
    /// The name it prints in its messages: the one its family declares it under.
    public string Prog { get; internal set; } = "";

    /// What Chain does for it before it runs (see Needs).
    public Needs Needs { get; internal set; }

    /// The text after "PROG: usage: ".
    public abstract string Usage { get; }

    public abstract Outcome Run(Invocation inv);
}
