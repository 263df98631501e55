using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// One directory of the scandir, known by (device, inode): its service supervisor, its logger's when it
/// has a `log` subdirectory, and the pipe between them. A supervisor that leaves while the directory is
/// still in the scandir is started again a second later, as s6-svscan respawns a dead s6-supervise. One
/// that cannot be set up (descriptors run out, a broken directory) is tried again after 1 second, then
/// 2, 4... up to a minute, and its failure is said once, not at every try.
sealed class ScannedService
{
    const long Respawn = 1000, FirstRetry = 1000, LastRetry = 60000, SayAtMost = 60000;

    /// The service side or the logger side.
    sealed class Side
    {
        public ServiceSupervisor? Supervisor;
        public bool Wanted;
        /// When to start it again, or long.MaxValue.
        public long At = long.MaxValue;
        /// The wait before the next try after a failure; 0 while it starts fine.
        public long Backoff;
        /// The last failure said for this side, and when; Recovered once it started after that.
        public string? Said;
        public long SaidAt = long.MinValue;
        public bool Recovered;
    }

    public readonly string Name;
    public readonly ulong Dev, Ino;
    /// Found by the last scan.
    public bool Active = true;
    /// Waiting in the scanner's queue of services to start.
    public bool Queued;
    /// s6-svscan-log: never logged itself, and treated like a logger at shutdown.
    public bool IsSpecial => Name == "s6-svscan-log";

    public ServiceSupervisor? Main => _main.Supervisor;
    public ServiceSupervisor? Log => _log.Supervisor;
    public LogPipe? Pipe;
    /// The s6-rc pipeline pipes the service reads (as a consumer) and writes (as a producer), held from
    /// its first start until it leaves supervision for good.
    (ulong, ulong)? _inKey, _outKey;
    LogPipe? _in, _out;
    bool _pipelinesTaken;

    readonly Side _main = new() { Wanted = true }, _log = new();
    readonly bool _logged;
    readonly EventLoop _loop;
    readonly ProcessState _base;
    readonly string _dir;
    readonly Func<bool> _stopping;
    readonly Action<ScannedService> _due, _changed;
    readonly Action<long> _onTime;
    readonly PipelinePipes _pipelines;
    readonly Container _container;

    /// due: asks for a StartMissing (the scanner queues it); changed: a supervisor left or the pair stopped.
    public ScannedService(EventLoop loop, ProcessState baseState, string scandir, string name, ulong dev, ulong ino, bool logged,
        Func<bool> stopping, Action<ScannedService> due, Action<ScannedService> changed, PipelinePipes pipelines, Container container)
    {
        _pipelines = pipelines;
        _container = container;
        _loop = loop;
        _base = baseState;
        _dir = scandir + "/" + name;
        Name = name;
        Dev = dev;
        Ino = ino;
        _logged = logged;
        _log.Wanted = logged;
        _stopping = stopping;
        _due = due;
        _changed = changed;
        _onTime = OnTime;
    }

    /// Both supervisors gone and none to come back: the entry can be forgotten.
    public bool Finished => Main == null && Log == null && !Respawning;

    bool Respawning => !_stopping() && Active && (Queued || _main.At != long.MaxValue || _log.At != long.MaxValue);

    /// Starts whichever side is missing (logger first, so the service's first lines have a reader), as
    /// long as the descriptors they keep leave the budget's spare free; else both wait.
    public void StartMissing()
    {
        if (_stopping() || !Active) return;
        bool pipe = _logged && Pipe == null;
        bool log = _log.Wanted && Log == null;
        bool main = _main.Wanted && Main == null;
        if (!log && !main) return;
        _main.At = _log.At = long.MaxValue;
        bool pipelines = main && !_pipelinesTaken;
        if (pipelines)
        {
            _inKey = PipelinePipes.ConsumerOf(_dir, reads: true);
            _outKey = PipelinePipes.ConsumerOf(_dir, reads: false);
        }
        int keeps = (pipe ? 2 : 0) + (log ? ServiceSupervisor.Keeps(_dir + "/log") : 0) + (main ? ServiceSupervisor.Keeps(_dir) : 0);
        if (pipelines) keeps += (_inKey is { } ik && _pipelines.IsNew(ik) ? 2 : 0) + (_outKey is { } ok && _pipelines.IsNew(ok) ? 2 : 0);
        int err = DescriptorBudget.Check(keeps);
        if (err == 0 && pipe)
        {
            Pipe = LogPipe.Create();
            if (Pipe == null) err = Errno.Value;
        }
        if (err == 0 && pipelines) err = TakePipelines();
        if (err != 0)
        {
            string limit = err == Errno.EMFILE ? $" (limit {OpenFileLimit.Current})" : "";
            string what = log && !main ? Name + "/log" : Name;
            string line = $"s6-svscan: warning: unable to start supervisor for {what}: {Errno.StrError(err)}{limit} - will retry";
            if (log) Failed(_log, line);
            if (main) Failed(_main, log ? null : line);
            return;
        }
        if (log)
        {
            var supervisor = new ServiceSupervisor(_loop, _base, _dir + "/log", Name + "/log", stdin: Pipe!.ReadEnd, container: _container);
            supervisor.Gone = _ => Left(_log, () => Pipe?.CloseReadEnd());
            Started(_log, supervisor);
        }
        if (main)
        {
            var supervisor = new ServiceSupervisor(_loop, _base, _dir, Name, stdin: _in?.ReadEnd ?? -1,
                stdout: _out?.WriteEnd ?? Pipe?.WriteEnd ?? -1, container: _container);
            supervisor.Gone = _ => Left(_main, () =>
            {
                Pipe?.CloseWriteEnd();
                GivePipelines();
            });
            Started(_main, supervisor);
        }
    }

    /// 0 or the errno of making a pipe (none is then held).
    int TakePipelines()
    {
        if (_inKey is { } ik && (_in = _pipelines.Take(ik)) == null) return Errno.Value;
        if (_outKey is { } ok && (_out = _pipelines.Take(ok)) == null)
        {
            int err = Errno.Value;
            GivePipelines();
            return err;
        }
        _pipelinesTaken = true;
        return 0;
    }

    void GivePipelines()
    {
        if (_in != null) _pipelines.Give(_inKey!.Value);
        if (_out != null) _pipelines.Give(_outKey!.Value);
        _in = _out = null;
        _pipelinesTaken = false;
    }

    void Started(Side side, ServiceSupervisor supervisor)
    {
        side.Supervisor = supervisor;
        if (supervisor.SetUp() is { } failure)
        {
            Failed(side, failure.Line);
            return;
        }
        side.Backoff = 0;
        side.Recovered = true;
    }

    /// line null: said already for the pair.
    void Failed(Side side, string? line)
    {
        side.Supervisor = null;
        side.Backoff = side.Backoff == 0 ? FirstRetry : Math.Min(side.Backoff * 2, LastRetry);
        RetryAt(side, EventLoop.Now + side.Backoff);
        if (line != null) Say(side, line);
    }

    /// A failure is said when it is not the one said last (or the side started in between), and never
    /// more than once a minute for a side.
    void Say(Side side, string line)
    {
        long now = EventLoop.Now;
        if (line == side.Said && !side.Recovered) return;
        if (side.SaidAt != long.MinValue && now - side.SaidAt < SayAtMost) return;
        side.Said = line;
        side.SaidAt = now;
        side.Recovered = false;
        int fd = _base.Fds.Real(2);
        if (fd >= 0) Unistd.WriteAll(fd, Text.Bytes.ToBytes(line + "\n"));
    }

    /// A supervisor left (after `x`, or stopped): a second later a new one, unless the pair is no longer
    /// wanted, in which case its end of the pipe goes.
    void Left(Side side, Action closePipeEnd)
    {
        side.Supervisor = null;
        if (side.Wanted && Active && !_stopping()) RetryAt(side, EventLoop.Now + Respawn);
        else
        {
            side.Wanted = false;
            closePipeEnd();
        }
        _changed(this);
    }

    void RetryAt(Side side, long when)
    {
        side.At = when;
        _loop.WakeAt(when, _onTime);
    }

    void OnTime(long now)
    {
        if (_stopping() || !Active) return;
        if (_main.At <= now || _log.At <= now) _due(this);
    }

    /// What s6-svscan's kill matrix sends this pair: SIGTERM to the service's supervisor, SIGTERM or
    /// SIGHUP to the logger's. A pair no longer wanted gives up its respawns and its pipe ends. gone: the
    /// scan no longer finds its directory, whose supervisors go on in the directory itself.
    public void Stop(bool killLogger, bool gone = false)
    {
        if (gone)
        {
            Main?.ScandirEntryGone();
            Log?.ScandirEntryGone();
        }
        _main.At = _log.At = long.MaxValue;
        _main.Wanted = _log.Wanted = false;
        if (Main == null)
        {
            Pipe?.CloseWriteEnd();
            GivePipelines();
        }
        if (Log == null) Pipe?.CloseReadEnd();
        Main?.Dispatch(IsSpecial && !killLogger ? ServiceEvent.SigHup : ServiceEvent.SigTerm);
        Log?.Dispatch(killLogger ? ServiceEvent.SigTerm : ServiceEvent.SigHup);
        _changed(this);
    }
}
