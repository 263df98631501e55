using Execline.Native;

namespace Execline.Runtime;

/// Keeps this process's own cwd and umask in step with the state a builtin works on, and applies a whole
/// state to this process (before execve) or to a spawn request.
public static class RealProcess
{
    static int _startCwd = -2;
    static int _currentCwd = -1;

    /// Makes relative paths and file creation behave as they would in the modelled process.
    public static void Sync(ProcessState st)
    {
        SysStat.umask(st.Umask);
        if (st.CwdFd == _currentCwd) return;
        int target = st.CwdFd;
        if (target == -1)
        {
            if (_startCwd < 0) return;
            target = _startCwd;
        }
        Unistd.fchdir(target);
        _currentCwd = st.CwdFd;
    }

    /// Changes the modelled cwd: chdir for real, remember where we are. Returns 0 or an errno.
    public static int ChangeDirectory(ProcessState st, string path)
    {
        if (_startCwd == -2)
            _startCwd = Fcntl.Open(".", Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        Sync(st);
        var dir = DescriptorPaths.InProcess(st, path);
        if (dir == null) return Errno.ENOENT;
        if (Unistd.Chdir(dir) < 0) return Errno.Value;
        int fd = Fcntl.Open(".", Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (fd < 0) return Errno.Value;
        st.CwdFd = st.Own(fd);
        _currentCwd = fd;
        return 0;
    }

    /// The descriptor moves a spawn needs, and the inherited descriptors the child must not get.
    public static Spawn.Request SpawnRequest(ProcessState st)
    {
        var req = new Spawn.Request { NewSession = st.NewSession, ProcessGroup = st.ProcessGroup };
        Moves(st.Fds, req.DupFrom, req.DupTo, req.CloseAfter);
        foreach (var fd in RealFds.InheritedOpen())
            if (!st.Fds.IsOpen(fd)) req.Closes.Add(fd);
        return req;
    }

    /// The runtime reads /dev/urandom through a descriptor it opens the first time it seeds something and
    /// keeps (close-on-exec, often fd 3). Apply may dup2 a chain's descriptor over it; if the exec then
    /// fails, the error path must not read the chain's pipe or file as randomness (a read from an empty
    /// pipe never returns). So every seed the main thread will use is drawn at start, before any Apply.
    public static void SeedRuntimeRandomness()
    {
        _ = "".GetHashCode();      // string hashing
        _ = HashCode.Combine(0);
        _ = Random.Shared.Next();  // this thread's generator, which object hash codes draw on too
    }

    /// Applies the state to this very process, as the last step before execve. The program starts with
    /// blocked blocked: none, but for our own supervisor re-exec'ing itself, whose pending signals must stay
    /// pending (so the mask is set at once, never lifted in between).
    public static void Apply(ProcessState st, SignalSet blocked = default)
    {
        Sync(st);
        var from = new List<int>();
        var to = new List<int>();
        Moves(st.Fds, from, to, new List<int>());
        for (int i = 0; i < from.Count; i++)
        {
            Unistd.dup2(from[i], to[i]);
            RealFds.MarkInherited(to[i]);
        }
        foreach (var fd in RealFds.InheritedOpen().ToArray())
            if (!st.Fds.IsOpen(fd)) RealFds.CloseReal(fd);
        if (st.NewSession) Unistd.setsid();
        blocked.SetAsMask();
    }

    /// The dup2s (from[i] onto to[i], in order) that build the table. When a source is also some target, or
    /// is close-on-exec at its own number, every source goes through a fresh temporary descriptor first.
    static void Moves(FdTable fds, List<int> from, List<int> to, List<int> temps)
    {
        var inherited = RealFds.InheritedOpen();
        foreach (var n in fds.Numbers)
        {
            int real = fds.Real(n);
            if (real == n && inherited.Contains(real)) continue;
            from.Add(real);
            to.Add(n);
        }
        bool needsTemps = false;
        for (int i = 0; i < from.Count && !needsTemps; i++)
            needsTemps = from[i] == to[i] || to.Contains(from[i]);
        if (!needsTemps) return;
        int above = Math.Max(fds.Highest, 2) + 1;
        for (int i = 0; i < from.Count; i++)
        {
            int temp = RealFds.DupAbove(from[i], above);
            temps.Add(temp);
            from[i] = temp;
        }
    }
}
