using Execline.Native;
using Execline.Text;

namespace Execline.Runtime;

/// One run of a builtin: its command line, the state it transforms, and what it may ask of the system.
public sealed class Invocation
{
    public Builtin Command { get; }
    public IReadOnlyList<string> Argv { get; }
    public ProcessState State { get; }
    /// read_block calls so far in this command: the B in strict-mode warnings.
    public int BlocksRead { get; set; }
    /// True when this command runs as the process's own chain (upstream's process running it is ours);
    /// false inside a block that runs in our process on behalf of another command.
    public bool OwnsProcess { get; init; }

    public Invocation(Builtin command, IReadOnlyList<string> argv, ProcessState state)
    {
        Command = command;
        Argv = argv;
        State = state;
    }

    public string Prog => Command.Prog;
    public Environ Env => State.Env;

    /// Continues as a program of its own: this binary under the command's name, which the block running
    /// us spawns and waits for (for what needs the process upstream would have, see Needs.OwnProcess).
    public Outcome RerunInOwnProcess()
    {
        var argv = new List<string>(Argv) { [0] = Prog };
        return Outcome.Exec(argv, Self.Path);
    }

    public Fatal Usage() => new(100, $"{Prog}: usage: {Command.Usage}");
    public Fatal Die(int code, string text) => new(code, $"{Prog}: fatal: {text}");
    public Fatal DieErrno(int code, string text, int errno) => Die(code, $"{text}: {Errno.StrError(errno)}");
    /// skalibs 2.13 prints an extra ": " before "unable to" messages that carry no errno.
    public Fatal DieBare(int code, string text) => Die(code, ": " + text);
    public void Warn(string text) => WriteErr($"{Prog}: warning: {text}\n");
    public void WarnErrno(string text, int errno) => Warn($"{text}: {Errno.StrError(errno)}");

    public void WriteErr(string text) => Write(2, text);

    /// Writes bytes to the modelled descriptor; returns 0 or an errno.
    public int Write(int fd, string bytes)
    {
        int real = State.Fds.Real(fd);
        if (real < 0) return Errno.EBADF;
        return Unistd.WriteAll(real, Bytes.ToBytes(bytes));
    }

    public Outcome Exec(IEnumerable<string> argv) => Outcome.Exec(argv as IReadOnlyList<string> ?? new List<string>(argv));

    /// The command line from index from on, without copying.
    public Words Rest(int from) => Words.Of(Argv).Slice(Math.Min(from, Argv.Count));

    /// Runs a block to completion on a copy of this state (or the given one): in this process up to its
    /// first real program, which is spawned and waited for. A reader drains the block's output meanwhile.
    public BlockResult RunBlock(IReadOnlyList<string> argv, ProcessState? state = null, IOutputReader? reader = null) =>
        Chain.RunBlock(argv, state ?? State.Clone(), Prog, reader);

    /// RunBlock for commands that die when the block's program cannot be started. role, when given, is
    /// what the block stands for in upstream's hint for a first word still carrying a block's quoting space.
    public WaitStatus RunBlockOrDie(IReadOnlyList<string> argv, ProcessState? state = null, string? role = null)
    {
        var r = RunBlock(argv, state);
        if (r.Started) return r.Status;
        if (role != null && r.SpawnErrno == Errno.ENOENT && r.Program!.StartsWith(' '))
            throw DieBare(111, $"unable to spawn {r.Program}: name begins with a space, are you trying to spawn a block as your {role}?");
        throw DieErrno(111, $"unable to spawn {r.Program}", r.SpawnErrno);
    }

    /// Starts a block that must run concurrently with the rest of the chain; returns its pid or -errno.
    public int SpawnBlock(IReadOnlyList<string> argv, ProcessState? state = null) =>
        Chain.SpawnBlock(argv, state ?? State.Clone());

    public WaitStatus Wait(int pid) => Children.Wait(pid);

    public bool IsValidVariable(string name) => name.Length > 0 && name.IndexOf('=') < 0;
}

/// How a block ended: a wait status, or the errno of a program that could not be started at all.
public readonly record struct BlockResult(WaitStatus Status, int SpawnErrno, string? Program)
{
    public bool Started => SpawnErrno == 0;
    public static BlockResult Done(WaitStatus s) => new(s, 0, null);
    public static BlockResult NotStarted(int errno, string program) => new(default, errno, program);
}
