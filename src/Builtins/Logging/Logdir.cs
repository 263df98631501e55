using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Logging;

/// One log directory: `current` being appended, archives `@TAI64N.s` (rotated) and `.u` (found
/// unfinished), `state` for the processor, `lock` held for life. Every step that touches the disk may
/// fail (a full disk, a failing processor); the step is then retried after the retry period, from where
/// it stopped, and the lines waiting meanwhile stay queued: nothing is lost, nothing written twice.
sealed class Logdir
{
    enum Step
    {
        Writable, SyncCurrent, RenameCurrent, OpenNewCurrent, ChmodPrevious, ArchivePrevious,
        StartProcessor, WaitProcessor, SyncProcessed, SyncNewState, UnlinkPrevious, RenameState, ArchiveProcessed,
        FinalChmod, Finalized,
    }

    readonly LogdirSettings _cfg;
    readonly LogContext _ctx;
    readonly ByteQueue _pending = new();
    readonly int _lock;
    int _current;
    long _size;
    Step _step = Step.Writable;
    int _pid;

    /// When the next step may be tried (LogContext.Now milliseconds); long.MaxValue while a processor runs.
    public long Deadline { get; private set; }

    public string Dir => _cfg.Dir;
    public int ProcessorPid => _pid;

    /// Queued lines, or a rotation under way.
    public bool HasWork => _pending.Length > 0 || (_step != Step.Writable && _step < Step.FinalChmod);
    public bool Finalized => _step == Step.Finalized;

    Logdir(LogdirSettings cfg, LogContext ctx, int lockFd)
    {
        _cfg = cfg;
        _ctx = ctx;
        _lock = lockFd;
    }

    string PathOf(string name) => _cfg.Dir + "/" + name;

    /// Creates the directory if needed, locks it, and recovers what a previous instance left: a finished
    /// `current` (exec bit set) is appended to; anything else becomes `.u` archives and a fresh state.
    public static Logdir Open(LogdirSettings cfg, LogContext ctx)
    {
        string dir = cfg.Dir;
        if (SysStat.MakeDirectory(dir, SysStat.S_ISGID | SysStat.Mode0700) < 0 && Errno.Value != Errno.EEXIST) throw Die($"mkdir {dir}", Errno.Value);
        int lockFd = Fcntl.Open(dir + "/lock", Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        if (lockFd < 0) throw Die($"open {dir}/lock", Errno.Value);
        int e = Fcntl.LockWrite(lockFd);
        if (e != 0) throw Die($"lock {dir}/lock", e is Errno.EAGAIN or Errno.EACCES ? Errno.EBUSY : e);
        var ld = new Logdir(cfg, ctx, lockFd);
        ld.Recover();
        return ld;
    }

    void Recover()
    {
        long size = 0;
        string current = PathOf("current");
        bool finished = false;
        if (SysStat.StatPath(current, out var st) < 0)
        {
            if (Errno.Value != Errno.ENOENT) throw Die($"stat {current}", Errno.Value);
        }
        else finished = (st.Mode & SysStat.S_IXUSR) != 0;
        if (finished) size = st.Size;
        else
        {
            Unistd.Unlink(PathOf("state"));
            Unistd.Unlink(PathOf("newstate"));
            string processed = PathOf("processed");
            bool processedDone = false;
            if (SysStat.StatPath(processed, out var pst) == 0) processedDone = (pst.Mode & SysStat.S_IXUSR) != 0;
            else if (Errno.Value != Errno.ENOENT) throw Die($"stat {processed}", Errno.Value);
            if (processedDone)
            {
                Unistd.Unlink(PathOf("previous"));
                if (Archive("processed", 's') is int e1 and not 0) throw Die($"finish processed .s for logdir {Dir}", e1);
            }
            else
            {
                Unistd.Unlink(processed);
                if (Archive("previous", 'u') is int e2 and not 0) throw Die($"finish previous .u for logdir {Dir}", e2);
            }
            if (Archive("current", 'u') is int e3 and not 0) throw Die($"finish current .u for logdir {Dir}", e3);
            int fd = Fcntl.Open(PathOf("state"), Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
            if (fd < 0) throw Die($"open_trunc {PathOf("state")}", Errno.Value);
            Unistd.close(fd);
        }
        _current = OpenAppend(current, create: true);
        if (_current < 0) throw Die($"open_append {current}", Errno.Value);
        if (SysStat.fchmod(_current, _ctx.FileMode) < 0) throw Die($"fd_chmod {current}", Errno.Value);
        _size = size;
        Deadline = LogContext.Now;
    }

    static Fatal Die(string what, int errno) => new(111, $"{LogContext.Prog}: fatal: unable to {what}: {Errno.StrError(errno)}");

    static int OpenAppend(string path, bool create) =>
        Fcntl.Open(path, Fcntl.O_WRONLY | Fcntl.O_APPEND | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC | (create ? Fcntl.O_CREAT : 0));

    public void Append(ReadOnlySpan<byte> record) => _pending.Append(record);

    /// Moves on when the deadline has come: the rotation under way, a rotation that is due, then the
    /// queued lines.
    public void Pump()
    {
        if (_step != Step.Writable && !Rotate()) return;
        if (_size >= _cfg.MaxSize)
        {
            _step = Step.SyncCurrent;
            if (!Rotate()) return;
        }
        Flush();
    }

    /// Writes queued lines up to the last complete one in one write, as often as the file takes them;
    /// rotates once current is big enough at a line boundary.
    void Flush()
    {
        while (_pending.Length > 0)
        {
            var data = _pending.Data;
            int end = data.LastIndexOf((byte)'\n') + 1;
            if (end == 0) end = data.Length;
            int n = Write(_current, data[..end], out int errno);
            if (n < 0)
            {
                if (errno == Errno.EAGAIN) return;
                Deadline = LogContext.Now + _cfg.RetryMs;
                _ctx.WarnUnable($"write to {Dir}/current", errno);
                return;
            }
            bool atLineEnd = data[n - 1] == '\n';
            _pending.Consume(n);
            _size += n;
            if (_step == Step.Writable && _size + _cfg.Tolerance >= _cfg.MaxSize && atLineEnd)
            {
                _step = Step.SyncCurrent;
                Rotate();
            }
        }
    }

    static unsafe int Write(int fd, ReadOnlySpan<byte> data, out int errno)
    {
        fixed (byte* p = data)
            while (true)
            {
                nint n = Unistd.write(fd, p, data.Length);
                errno = n < 0 ? Errno.Value : 0;
                if (n >= 0 || errno != Errno.EINTR) return (int)n;
            }
    }

    /// SIGALRM: rotate now if anything was written since the last rotation.
    public void RotateNow()
    {
        if (_step != Step.Writable || _size == 0) return;
        _step = Step.SyncCurrent;
        Rotate();
    }

    /// Runs the rotation from the step it is at. False when it must wait: a step failed (retried after
    /// the retry period) or the processor is running.
    bool Rotate()
    {
        while (true)
        {
            int e = 0;
            string? failed = null;
            switch (_step)
            {
                case Step.Writable:
                    return true;
                case Step.SyncCurrent:
                    if (Unistd.fsync(_current) < 0) (e, failed) = (Errno.Value, $"fd_sync {Dir}/current");
                    else _step = Step.RenameCurrent;
                    break;
                case Step.RenameCurrent:
                    if (Stdio.Rename(PathOf("current"), PathOf("previous")) < 0)
                        (e, failed) = (Errno.Value, $"rename {Dir}/current to {Dir}/previous");
                    else _step = Step.OpenNewCurrent;
                    break;
                case Step.OpenNewCurrent:
                    int fd = OpenAppend(PathOf("current"), create: true);
                    if (fd < 0) (e, failed) = (Errno.Value, $"open_append {Dir}/current");
                    else
                    {
                        Unistd.close(_current);
                        _current = fd;
                        _size = 0;
                        _step = Step.ChmodPrevious;
                    }
                    break;
                case Step.ChmodPrevious:
                    if (SysStat.Chmod(PathOf("previous"), _ctx.FileMode | SysStat.S_IXUSR) < 0) (e, failed) = (Errno.Value, $"chmod {Dir}/previous");
                    else _step = _cfg.Processor != null ? Step.StartProcessor : Step.ArchivePrevious;
                    break;
                case Step.ArchivePrevious:
                    e = Archive("previous", 's');
                    if (e != 0) failed = $"finish previous .s to logdir {Dir}";
                    else return Rotated();
                    break;
                case Step.StartProcessor:
                    e = StartProcessor(out failed);
                    if (e == 0)
                    {
                        _step = Step.WaitProcessor;
                        Deadline = long.MaxValue;
                    }
                    break;
                case Step.WaitProcessor:
                    return false;
                case Step.SyncProcessed:
                    e = SyncFile("processed", _ctx.FileMode | SysStat.S_IXUSR, out failed);
                    if (e == 0) _step = Step.SyncNewState;
                    break;
                case Step.SyncNewState:
                    e = SyncFile("newstate", -1, out failed);
                    if (e == 0) _step = Step.UnlinkPrevious;
                    break;
                case Step.UnlinkPrevious:
                    if (Unistd.Unlink(PathOf("previous")) < 0 && Errno.Value != Errno.ENOENT) (e, failed) = (Errno.Value, $"unlink {Dir}/previous");
                    else _step = Step.RenameState;
                    break;
                case Step.RenameState:
                    if (Stdio.Rename(PathOf("newstate"), PathOf("state")) < 0)
                        (e, failed) = (Errno.Value, $"rename {Dir}/newstate to {Dir}/state");
                    else _step = Step.ArchiveProcessed;
                    break;
                case Step.ArchiveProcessed:
                    e = Archive("processed", 's');
                    if (e != 0) failed = $"finish processed .s to logdir {Dir}";
                    else return Rotated();
                    break;
                default:
                    throw new InvalidOperationException($"rotation at step {_step}");
            }
            if (failed != null)
            {
                _ctx.WarnUnable(failed, e);
                Deadline = LogContext.Now + _cfg.RetryMs;
                return false;
            }
        }
    }

    bool Rotated()
    {
        _step = Step.Writable;
        Deadline = LogContext.Now;
        return true;
    }

    /// fsync a file the processor wrote (and chmod it when mode >= 0). 0 or an errno.
    int SyncFile(string name, int mode, out string? failed)
    {
        string path = PathOf(name);
        failed = null;
        int fd = OpenAppend(path, create: false);
        if (fd < 0) { failed = $"open_append {path}"; return Errno.Value; }
        int e = 0;
        if (Unistd.fsync(fd) < 0) (e, failed) = (Errno.Value, $"fd_sync {path}");
        else if (mode >= 0 && SysStat.fchmod(fd, mode) < 0) (e, failed) = (Errno.Value, $"fd_chmod {path}");
        Unistd.close(fd);
        return e;
    }

    /// Starts the processor in the logdir: stdin `previous`, stdout `processed`, fd 4 `state` to read,
    /// fd 5 `newstate` to write. 0, or an errno with what failed.
    int StartProcessor(out string? failed)
    {
        failed = null;
        var fds = new List<int>();
        try
        {
            foreach (var (name, flags) in new[]
            {
                ("previous", Fcntl.O_RDONLY), ("processed", Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC),
                ("state", Fcntl.O_RDONLY), ("newstate", Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC),
            })
            {
                int high = OpenAboveTargets(PathOf(name), flags, out int errno);
                if (high < 0)
                {
                    failed = $"{(flags == Fcntl.O_RDONLY ? "open_readb" : "open_trunc")} {Dir}/{name}";
                    return errno;
                }
                fds.Add(high);
            }
            int dir = Fcntl.Open(Dir, Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
            if (dir < 0) { failed = $"chdir to {Dir}"; return Errno.Value; }
            fds.Add(dir);
            var req = new Spawn.Request { ChdirFd = dir };
            int[] targets = [0, 1, 4, 5];
            for (int i = 0; i < 4; i++) { req.DupFrom.Add(fds[i]); req.DupTo.Add(targets[i]); }
            var (path, argv) = ProcessorCommand();
            int pid = Spawn.Start(path, argv, _ctx.Environment, req);
            if (pid < 0) { failed = $"spawn processor for logdir {Dir}"; return -pid; }
            _pid = pid;
            return 0;
        }
        finally
        {
            foreach (var fd in fds) Unistd.close(fd);
        }
    }

    /// Opened above the numbers the child's descriptors go to, so that no dup2 of the spawn overwrites a
    /// source.
    static int OpenAboveTargets(string path, int flags, out int errno)
    {
        int fd = Fcntl.Open(path, flags | Fcntl.O_CLOEXEC);
        int high = fd < 0 ? -1 : Fcntl.fcntl(fd, Fcntl.F_DUPFD_CLOEXEC, 10);
        errno = Errno.Value;
        if (fd >= 0) Unistd.close(fd);
        return high;
    }

    /// `!` runs execlineb -Pc (the one on PATH, else ours), `?` runs /bin/sh -c.
    (string Path, string[] Argv) ProcessorCommand()
    {
        if (_cfg.ProcessorIsShell) return ("/bin/sh", ["/bin/sh", "-c", _cfg.Processor!]);
        string? pathVar = null;
        foreach (var kv in _ctx.Environment)
            if (kv.StartsWith("PATH=", StringComparison.Ordinal)) pathVar = kv.Substring(5);
        var execlineb = ProgramLookup.FirstExecutable("execlineb", pathVar) ?? Self.Path;
        return (execlineb, ["execlineb", "-Pc", _cfg.Processor!]);
    }

    /// The processor ended: on success the rotation goes on, otherwise it is run again after the retry
    /// period. False when pid is not this logdir's processor.
    public bool ProcessorExited(int pid, WaitStatus status)
    {
        if (pid != _pid || _pid == 0) return false;
        _pid = 0;
        if (status.IsSignaled || status.ExitCode != 0)
        {
            _ctx.Warn($"processor {(status.IsSignaled ? "crashed" : "failed")} in {Dir}");
            Deadline = LogContext.Now + _cfg.RetryMs;
            _step = Step.StartProcessor;
        }
        else
        {
            _step = Step.SyncProcessed;
            Rotate();
        }
        return true;
    }

    /// At exit, once everything is written: fsync current and mark it finished (owner exec bit), so the
    /// next instance appends to it. False while a step fails (retried after the retry period).
    public bool Finalize()
    {
        if (_step == Step.Writable)
        {
            if (Unistd.fsync(_current) < 0) return FinalizeFailed($"fd_sync {Dir}/current");
            _step = Step.FinalChmod;
        }
        if (_step == Step.FinalChmod)
        {
            if (SysStat.fchmod(_current, _ctx.FileMode | SysStat.S_IXUSR) < 0) return FinalizeFailed($"fd_chmod {Dir}/current");
            _step = Step.Finalized;
        }
        return true;
    }

    bool FinalizeFailed(string what)
    {
        _ctx.WarnUnable(what, Errno.Value);
        Deadline = LogContext.Now + _cfg.RetryMs;
        return false;
    }

    /// Gives name in the logdir its archive name `@now.SUFFIX` (unless an earlier attempt already linked
    /// it), then trims old archives. 0 or an errno; a missing file is nothing to do.
    int Archive(string name, char suffix)
    {
        string path = PathOf(name);
        if (SysStat.StatPath(path, out var st) < 0) return Errno.Value == Errno.ENOENT ? 0 : Errno.Value;
        if (st.Nlink == 1 && Unistd.Link(path, PathOf(WallClock.Now().Label() + "." + suffix)) < 0) return Errno.Value;
        if (Unistd.Unlink(path) < 0) return Errno.Value;
        return Trim();
    }

    /// Deletes the oldest archives while there are more than the count or they weigh more than the
    /// total. 0 or an errno.
    int Trim()
    {
        var names = Dirent.ListDirectory(Dir);
        if (names == null) return Errno.Value;
        var archives = new List<(string Name, long Size)>();
        long total = 0;
        foreach (var name in names)
        {
            if (!IsArchiveName(name)) continue;
            if (SysStat.StatPath(PathOf(name), out var st) < 0)
            {
                _ctx.WarnUnable($"stat {PathOf(name)}", Errno.Value);
                continue;
            }
            archives.Add((name, st.Size));
            total += st.Size;
        }
        archives.Sort((a, b) => string.CompareOrdinal(a.Name, 1, b.Name, 1, 26));
        for (int i = 0; i < archives.Count && (archives.Count - i > _cfg.Keep || (_cfg.MaxTotal > 0 && (ulong)total > _cfg.MaxTotal)); i++)
        {
            string path = PathOf(archives[i].Name);
            if (Unistd.Unlink(path) < 0)
            {
                if (Errno.Value == Errno.ENOENT) total -= archives[i].Size;
                _ctx.WarnUnable($"unlink {path}", Errno.Value);
            }
            else total -= archives[i].Size;
        }
        return 0;
    }

    static bool IsArchiveName(string name) =>
        name.Length == 27 && Tai64n.TryParseLabel(name, out _) && name[25] == '.' && name[26] is 's' or 'u';

    /// Closes current and drops the lock (a logger hosted in a longer-lived process).
    public void Close()
    {
        Unistd.close(_current);
        Unistd.close(_lock);
    }
}
