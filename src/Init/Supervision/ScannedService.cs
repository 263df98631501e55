using Execline.Runtime;

namespace Execline.Init.Supervision;

/// One directory of the scandir, known by (device, inode): its service supervisor, its logger's when it
/// has a `log` subdirectory, and the pipe between them. A supervisor that leaves while the directory is
/// still in the scandir is started again a second later, as s6-svscan respawns a dead s6-supervise.
sealed class ScannedService
{
    const long Respawn = 1000;

    public readonly string Name;
    public readonly ulong Dev, Ino;
    /// Found by the last scan.
    public bool Active = true;
    /// s6-svscan-log: never logged itself, and treated like a logger at shutdown.
    public bool IsSpecial => Name == "s6-svscan-log";

    public ServiceSupervisor? Main, Log;
    public LogPipe? Pipe;
    bool _mainWanted = true, _logWanted;
    long _mainAt = long.MaxValue, _logAt = long.MaxValue;

    readonly EventLoop _loop;
    readonly ProcessState _base;
    readonly string _dir;
    readonly Func<bool> _stopping;

    public ScannedService(EventLoop loop, ProcessState baseState, string scandir, string name, ulong dev, ulong ino, bool logged, Func<bool> stopping)
    {
        _loop = loop;
        _base = baseState;
        _dir = scandir + "/" + name;
        Name = name;
        Dev = dev;
        Ino = ino;
        _stopping = stopping;
        if (logged) Pipe = LogPipe.Create();
        _logWanted = Pipe != null;
    }

    /// Both supervisors gone and none to come back: the entry can be forgotten.
    public bool Finished => Main == null && Log == null && !Respawning;

    bool Respawning => !_stopping() && Active && (_mainAt != long.MaxValue || _logAt != long.MaxValue);

    /// Starts whichever side is missing (logger first, so the service's first lines have a reader).
    public void StartMissing()
    {
        if (_logWanted && Log == null && Pipe != null)
        {
            _logAt = long.MaxValue;
            var log = new ServiceSupervisor(_loop, _base, _dir + "/log", Name + "/log", stdin: Pipe.ReadEnd);
            log.Gone = _ => LogGone();
            Log = log;
            if (log.Start() != 0) LogGone();
        }
        if (_mainWanted && Main == null)
        {
            _mainAt = long.MaxValue;
            var main = new ServiceSupervisor(_loop, _base, _dir, Name, stdout: Pipe?.WriteEnd ?? -1);
            main.Gone = _ => MainGone();
            Main = main;
            if (main.Start() != 0) MainGone();
        }
    }

    void MainGone()
    {
        Main = null;
        if (Active && !_stopping()) _mainAt = EventLoop.Now + Respawn;
        else
        {
            _mainWanted = false;
            Pipe?.CloseWriteEnd();
        }
    }

    void LogGone()
    {
        Log = null;
        if (Active && !_stopping()) _logAt = EventLoop.Now + Respawn;
        else
        {
            _logWanted = false;
            Pipe?.CloseReadEnd();
        }
    }

    public long Deadline => Math.Min(Math.Min(_mainAt, _logAt), Math.Min(Main?.Deadline ?? long.MaxValue, Log?.Deadline ?? long.MaxValue));

    public void OnTime(long now)
    {
        Main?.OnTime(now);
        Log?.OnTime(now);
        if (_stopping() || !Active) return;
        if (_mainAt <= now || _logAt <= now) StartMissing();
    }

    /// What s6-svscan's kill matrix sends this pair: SIGTERM to the service's supervisor, SIGTERM or
    /// SIGHUP to the logger's. A pair no longer wanted gives up its respawns and its pipe ends.
    public void Stop(bool killLogger)
    {
        _mainAt = _logAt = long.MaxValue;
        _mainWanted = _logWanted = false;
        if (Main == null) Pipe?.CloseWriteEnd();
        if (Log == null) Pipe?.CloseReadEnd();
        if (IsSpecial && !killLogger) Main?.Hangup();
        else Main?.Terminate();
        if (killLogger) Log?.Terminate();
        else Log?.Hangup();
    }
}
