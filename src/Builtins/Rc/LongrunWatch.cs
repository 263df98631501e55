using Execline.Native;
using Execline.S6;

namespace Execline.Builtins.Rc;

/// One longrun's transition, as s6-rc has `s6-svc -uwU|-uwu|-dwD -T ms` do it, without that process: we
/// subscribe to the service's `event/` fifodir, read where it stands, send `u` or `d` through its control
/// FIFO, then follow the event bytes until it is up (and ready when it notifies readiness) or really down
/// (finish done). A supervisor that leaves (`x`) or a permanent failure (`O`) before that is a failure.
sealed class LongrunWatch : IDisposable
{
    readonly FtrigListener _listener;
    readonly bool _wantUp, _wantReady;
    bool _up, _ready;

    LongrunWatch(FtrigListener listener, bool wantUp, bool wantReady, ServiceStatus status)
    {
        _listener = listener;
        _wantUp = wantUp;
        _wantReady = wantReady;
        _up = status.IsUp;
        _ready = status.Ready;
    }

    public int Fd => _listener.Fd;

    /// Whether the goal was reached when the command was sent (nothing more to wait for).
    public bool Reached => _up == _wantUp && (!_wantReady || _ready);

    /// Starts the transition of the service directory dir. Null on failure, with why and the exit code
    /// s6-svc would have given.
    public static LongrunWatch? Start(string dir, bool up, out string? why, out int code)
    {
        // Up waits for readiness only when the service notifies it (s6-svc -uwU); down always for the
        // finish script to be done (-dwD).
        bool ready = !up || Unistd.Access(dir + "/notification-fd", Unistd.F_OK) == 0;
        var listener = FtrigListener.Subscribe(dir + "/event", out int errno);
        if (listener == null)
        {
            (why, code) = ($"unable to subscribe to events for {dir}: {Errno.StrError(errno)}", 111);
            return null;
        }
        var data = Unistd.ReadFile(dir + "/supervise/status");
        if (data == null || !ServiceStatus.TryDecode(data, out var status))
        {
            listener.Dispose();
            (why, code) = ($"unable to read status for {dir}: {Errno.StrError(data == null ? Errno.Value : Errno.EPIPE)}", 111);
            return null;
        }
        var watch = new LongrunWatch(listener, up, ready, status);
        switch (ControlFifo.Send(dir, "supervise", up ? "u" : "d", out errno))
        {
            case Delivery.Sent:
                (why, code) = (null, 0);
                return watch;
            case Delivery.NotListening:
                (why, code) = ($"unable to control {dir}: supervisor not listening", 100);
                break;
            case Delivery.BrokenDirectory:
                (why, code) = ($"something is wrong with the {dir}/supervise directory: {Errno.StrError(errno)}", 100);
                break;
            default:
                (why, code) = ($"unable to control {dir}: {Errno.StrError(errno)}", 111);
                break;
        }
        watch.Dispose();
        return null;
    }

    /// Takes the events that came: true once the goal is reached, false when the transition failed, null
    /// while it goes on.
    public bool? Update()
    {
        var events = _listener.ReadAvailable(out _);
        if (events == null) return false;
        foreach (var e in events)
        {
            switch ((char)e)
            {
                case 'x': return Reached ? true : false;
                case 'O': if (_wantUp) return false; break;
                case 'd': (_up, _ready) = (false, false); break;
                case 'D': (_up, _ready) = (false, true); break;
                case 'u': (_up, _ready) = (true, false); break;
                case 'U': (_up, _ready) = (true, true); break;
            }
            if (Reached) return true;
        }
        return null;
    }

    public void Dispose() => _listener.Dispose();
}
