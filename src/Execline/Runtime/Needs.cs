namespace Execline.Runtime;

/// What a command needs of the chain that runs it. A family declares them with the command and Chain
/// grants them, so that no command has to remember to.
[Flags]
public enum Needs
{
    None = 0,

    /// It reaches files by path, relative ones too, or creates them: this process's cwd and umask are made
    /// the chain's before it runs (a block run in our process may have left its own).
    Files = 1,

    /// Its pid, its children, the signals it receives or blocks, its locks, limits, credentials or root
    /// are the process's: inside a block that runs in our process they would be the caller's, so there it
    /// reruns as a program of its own (this binary under its name), which the block spawns and waits for.
    OwnProcess = 2,

    /// It only transforms the state (no I/O on the chain's descriptors, no waiting), so it may run in our
    /// process before a block that must run concurrently is spawned.
    Eager = 4,
}
