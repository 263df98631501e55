using Execline.Native;

namespace Execline.Runtime;

/// What a real process would carry from one exec to the next: environment, descriptors, cwd, umask,
/// session and group requests, credentials to apply. Builtins change it; a block gets a copy.
public sealed class ProcessState
{
    public Environ Env { get; private set; }
    public FdTable Fds { get; private set; }
    /// An O_PATH descriptor of the working directory, or -1 for the directory this process started in.
    public int CwdFd { get; set; } = -1;
    public int Umask { get; set; }
    public bool NewSession { get; set; }
    public int ProcessGroup { get; set; } = -1;
    /// Resource limits (resource, soft, hard) to set just before exec: lowering the address space, data or
    /// stack limit of the running .NET runtime could crash it, so s6-softlimit leaves those to the program.
    /// Null until one is set: every block clones the state.
    public List<(int Resource, ulong Soft, ulong Hard)>? ExecLimits { get; set; }
    /// Real descriptors this state opened; closed when its chain ends (the exec'd program has its copies).
    readonly List<int> _owned = new();

    public ProcessState(Environ env, FdTable fds, int umask)
    {
        Env = env;
        Fds = fds;
        Umask = umask;
    }

    public static ProcessState FromThisProcess(IEnumerable<string> environ)
    {
        return new ProcessState(new Environ(environ), FdTable.Inherited(), SysStat.Umask);
    }

    public ProcessState Clone() => new(Env.Clone(), Fds.Clone(), Umask)
    {
        CwdFd = CwdFd,
        NewSession = NewSession,
        ProcessGroup = ProcessGroup,
        ExecLimits = ExecLimits == null ? null : new(ExecLimits),
    };

    /// Records a real descriptor opened for this state so it is closed when the state's chain ends.
    public int Own(int realFd)
    {
        _owned.Add(realFd);
        return realFd;
    }

    /// Closes a real descriptor this state opened once no descriptor number (nor the cwd) stands on it any
    /// more: a pipe end closed by fdclose must really go, or a reader spawned from this chain never sees EOF.
    public void Release(int realFd)
    {
        if (realFd < 0 || realFd == CwdFd || !_owned.Contains(realFd)) return;
        foreach (var n in Fds.Numbers)
            if (Fds.Real(n) == realFd) return;
        _owned.Remove(realFd);
        Unistd.close(realFd);
    }

    public void ReleaseOwned()
    {
        foreach (var fd in _owned) Unistd.close(fd);
        _owned.Clear();
    }

    public string? Get(string name) => Env.Get(name);

    /// The strictness level commands read from EXECLINE_STRICT: missing or invalid is 0.
    public int Strict => Numbers.TryUnsigned(Env.Get("EXECLINE_STRICT"), out var n) ? (int)Math.Min(n, int.MaxValue) : 0;
}
