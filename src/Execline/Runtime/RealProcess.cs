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
        Libc.umask(st.Umask);
        if (st.CwdFd == _currentCwd) return;
        int target = st.CwdFd;
        if (target == -1)
        {
            if (_startCwd < 0) return;
            target = _startCwd;
        }
        Libc.fchdir(target);
        _currentCwd = st.CwdFd;
    }

    /// Changes the modelled cwd: chdir for real, remember where we are. Returns 0 or an errno.
    public static int ChangeDirectory(ProcessState st, string path)
    {
        if (_startCwd == -2)
            _startCwd = Libc.Open(".", Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC);
        Sync(st);
        if (Libc.Chdir(path) < 0) return Libc.Errno;
        int fd = Libc.Open(".", Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC);
        if (fd < 0) return Libc.Errno;
        st.CwdFd = st.Own(fd);
        _currentCwd = fd;
        return 0;
    }

    /// The descriptor moves a spawn needs, and the inherited descriptors the child must not get.
    public static Spawn.Request SpawnRequest(ProcessState st)
    {
        var req = new Spawn.Request { NewSession = st.NewSession, ProcessGroup = st.ProcessGroup };
        foreach (var (to, from) in Moves(st.Fds, req.CloseAfter)) req.Dup2s.Add((from, to));
        foreach (var fd in RealFds.InheritedOpen())
            if (!st.Fds.IsOpen(fd)) req.Closes.Add(fd);
        return req;
    }

    /// Applies the state to this very process, as the last step before execve.
    public static void Apply(ProcessState st)
    {
        Sync(st);
        foreach (var (to, from) in Moves(st.Fds, new List<int>()))
        {
            Libc.dup2(from, to);
            RealFds.InheritedOpen().Add(to);
        }
        foreach (var fd in RealFds.InheritedOpen().ToList())
            if (!st.Fds.IsOpen(fd)) RealFds.CloseReal(fd);
        if (st.NewSession) Libc.setsid();
        Libc.ResetSignalsForExec();
    }

    /// (target, source) pairs whose dup2s, done in order, build the table. A source that is also some
    /// target, or that is close-on-exec at its own number, goes through a fresh temporary descriptor first.
    static List<(int to, int from)> Moves(FdTable fds, List<int> temps)
    {
        var moves = new List<(int to, int from)>();
        var targets = new HashSet<int>();
        bool needsTemps = false;
        var inherited = RealFds.InheritedOpen();
        foreach (var (to, from) in fds.Entries)
        {
            if (to == from && inherited.Contains(from)) continue;
            moves.Add((to, from));
            targets.Add(to);
        }
        foreach (var (to, from) in moves)
            if (from == to || targets.Contains(from)) needsTemps = true;
        if (!needsTemps) return moves;
        int above = Math.Max(fds.Highest, 2) + 1;
        for (int i = 0; i < moves.Count; i++)
        {
            int temp = RealFds.DupAbove(moves[i].from, above);
            temps.Add(temp);
            moves[i] = (moves[i].to, temp);
        }
        return moves;
    }
}
