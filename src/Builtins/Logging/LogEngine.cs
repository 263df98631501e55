using Execline.Native;
using Execline.Runtime;
using Execline.Text;

namespace Execline.Builtins.Logging;

/// What a logger needs besides its script: how long a line may be before it is split (0: never), how
/// talkative it is, where stdout and stderr are, the umask for its files, its processors' environment.
public sealed record LogOptions(int LineLimit, int Verbosity, int StdoutFd, int StderrFd, int Umask, IReadOnlyList<string> Environment);

/// s6-log's work, independent of where its input comes from: it is fed bytes, told of the end of input,
/// of signals and of its processors' deaths, and it never blocks waiting for anything. Its host reads
/// the input, calls Pump after each event, sleeps until NextDeadline, and reaps the processors listed in
/// ProcessorPids. Everything lives in the instance, so one process can host many loggers.
public sealed class LogEngine : IDisposable
{
    /// How much one read takes, as skalibs' input buffer does: the line splits at the line limit and the
    /// sizes at which logdirs rotate come out as upstream's.
    const int ReadSize = 8191;

    readonly LogContext _ctx;
    readonly int _lineLimit;
    readonly List<Logdir> _logdirs = new();
    LogScript _script = new();
    readonly ByteQueue _stdout = new();
    readonly List<byte> _partial = new();
    readonly List<byte> _record = new();
    int _stdoutFd;
    bool _lastLine;

    /// The input is over (end of file, or a stop signal and the line in progress is complete): what is
    /// queued is written, then the logger is finished.
    public bool Exiting { get; private set; }

    LogEngine(LogOptions options)
    {
        _ctx = new LogContext(options.Verbosity, options.StderrFd, options.Umask, options.Environment);
        _lineLimit = options.LineLimit;
        _stdoutFd = options.StdoutFd;
    }

    /// Parses the script and opens its logdirs in order. A failure throws Fatal, as upstream dies, after
    /// releasing the logdirs already opened.
    public static LogEngine Start(IReadOnlyList<string> script, LogOptions options)
    {
        var engine = new LogEngine(options);
        try
        {
            engine._script = LogScript.Parse(script, engine._ctx.Warn, engine.OpenLogdir);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
        return engine;
    }

    int OpenLogdir(LogdirSettings settings)
    {
        _logdirs.Add(Logdir.Open(settings, _ctx));
        return _logdirs.Count - 1;
    }

    /// How many bytes the host may read now: none once exiting, one at a time while finishing the line
    /// in progress after a stop signal (so no byte past it is taken from the input).
    public int ReadLimit => Exiting ? 0 : _lastLine ? 1 : ReadSize;

    /// Output waits somewhere: stdout, a logdir, a rotation.
    public bool HasPending => StdoutPending || _logdirs.Exists(l => l.HasWork);

    /// The host should wait for StdoutFd to become writable.
    public bool StdoutPending => _stdoutFd >= 0 && _stdout.Length > 0;
    public int StdoutFd => _stdoutFd;

    /// A warning about the host's own work (reading the input), in the logger's words.
    public void WarnUnable(string what, int errno) => _ctx.WarnUnable(what, errno);

    /// Everything is written and every logdir finalized: the logger is finished.
    public bool Done => Exiting && !HasPending && _logdirs.TrueForAll(l => l.Finalized);

    public IEnumerable<int> ProcessorPids
    {
        get
        {
            foreach (var l in _logdirs)
                if (l.ProcessorPid != 0) yield return l.ProcessorPid;
        }
    }

    /// Input bytes: every complete line goes through the script; a line longer than the limit is cut
    /// into lines of the limit. A NUL byte ends a line as a newline does (upstream 2.11 looks for both).
    public void Feed(ReadOnlySpan<byte> data)
    {
        if (_lastLine)
        {
            FeedLastLine(data);
            return;
        }
        while (data.Length > 0 && !Exiting)
        {
            int nl = data.IndexOfAny((byte)'\n', (byte)0);
            int pos = nl < 0 ? data.Length : nl;
            if (_lineLimit > 0 && _partial.Count + pos > _lineLimit)
            {
                int take = _lineLimit - _partial.Count;
                AddPartial(data[..take]);
                data = data[take..];
                RunLine();
            }
            else if (nl >= 0)
            {
                AddPartial(data[..nl]);
                data = data[(nl + 1)..];
                RunLine();
            }
            else
            {
                AddPartial(data);
                break;
            }
        }
    }

    /// After a stop signal: the line in progress is completed, then nothing more is read.
    void FeedLastLine(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (Exiting) return;
            if (b == '\n')
            {
                RunLine();
                Exiting = true;
                return;
            }
            _partial.Add(b);
            if (_lineLimit > 0 && _partial.Count > _lineLimit)
            {
                _ctx.Warn("input line too long, stopping before the end");
                RunLine();
                Exiting = true;
            }
        }
    }

    void AddPartial(ReadOnlySpan<byte> bytes) => _partial.AddRange(bytes);

    /// End of input, or a read error. A line without its newline is dropped (upstream 2.11), unless a
    /// stop signal asked for the line in progress, which is then ended here.
    public void EndOfInput()
    {
        if (_lastLine && _partial.Count > 0) RunLine();
        _partial.Clear();
        Exiting = true;
    }

    /// SIGTERM or SIGHUP: stop at the end of the line in progress, or now when there is none. True when
    /// the logger stops reading at once.
    public bool Stop()
    {
        _lastLine = true;
        if (_partial.Count == 0) Exiting = true;
        return Exiting;
    }

    /// SIGALRM: every logdir that holds something rotates.
    public void RotateNow()
    {
        foreach (var l in _logdirs) l.RotateNow();
    }

    /// A child ended; true when it was one of this logger's processors.
    public bool ChildExited(int pid, WaitStatus status)
    {
        foreach (var l in _logdirs)
            if (l.ProcessorExited(pid, status)) return true;
        return false;
    }

    /// Does whatever is due: writes stdout, moves every logdir whose deadline has come, and finalizes
    /// the logdirs once exiting with nothing left to write.
    public void Pump()
    {
        FlushStdout();
        long now = LogContext.Now;
        foreach (var l in _logdirs)
            if (l.HasWork && l.Deadline <= now) l.Pump();
        if (!Exiting || HasPending) return;
        foreach (var l in _logdirs)
            if (!l.Finalized && l.Deadline <= now) l.Finalize();
    }

    /// When Pump next has something to do without any event (LogContext.Now milliseconds), or -1.
    public long NextDeadline
    {
        get
        {
            long next = long.MaxValue;
            bool finishing = Exiting && !HasPending;
            foreach (var l in _logdirs)
                if ((l.HasWork || (finishing && !l.Finalized)) && l.Deadline < next) next = l.Deadline;
            return next == long.MaxValue ? -1 : next;
        }
    }

    unsafe void FlushStdout()
    {
        while (StdoutPending)
        {
            nint n;
            fixed (byte* p = _stdout.Data) n = Unistd.write(_stdoutFd, p, _stdout.Length);
            if (n >= 0)
            {
                _stdout.Consume((int)n);
                continue;
            }
            int e = Errno.Value;
            if (e == Errno.EINTR) continue;
            if (e == Errno.EAGAIN) return;
            _ctx.WarnUnable("write to stdout, closing the stream - error was", e);
            Unistd.close(_stdoutFd);
            _stdoutFd = -1;
            _stdout.Clear();
        }
    }

    /// One line through the script: each element's selections decide whether its actions take it.
    void RunLine()
    {
        var line = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_partial);
        string? tai = null, local = null;
        if (_script.StampsTai64n || _script.StampsLocal)
        {
            var now = WallClock.Now();
            if (_script.StampsTai64n) tai = now.Label() + " ";
            if (_script.StampsLocal) local = (WallClock.Format(now, local: true) ?? "") + "  ";
        }
        string? text = null; // the line for regexec, made once if some selection needs it
        bool selected = true, acted = false;
        foreach (var element in _script.Elements)
        {
            foreach (var sel in element.Selections)
            {
                switch (sel.Kind)
                {
                    case SelectionKind.Unprocessed:
                        selected = !acted;
                        break;
                    case SelectionKind.Match when !selected:
                        selected = sel.Regex!.Match(text ??= Bytes.Latin1(line), 0, out _) == 0;
                        break;
                    case SelectionKind.NoMatch when selected:
                        selected = sel.Regex!.Match(text ??= Bytes.Latin1(line), 0, out _) != 0;
                        break;
                }
            }
            if (!selected) continue;
            acted = true;
            foreach (var act in element.Actions) Perform(act, line, tai, local);
        }
        _partial.Clear();
    }

    void Perform(LogAction act, ReadOnlySpan<byte> line, string? tai, string? local)
    {
        _record.Clear();
        if (act.Tai64n) AddText(tai!);
        if (act.LocalTime) AddText(local!);
        if (act.Prefix != null) AddText(act.Prefix + " ");
        int lineStart = _record.Count;
        _record.AddRange(line);
        _record.Add((byte)'\n');
        var record = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_record);
        switch (act.Kind)
        {
            case ActionKind.Stdout:
                if (_stdoutFd >= 0) _stdout.Append(record);
                break;
            case ActionKind.Alert:
                Alert(record, lineStart, line.Length, act.Size);
                break;
            case ActionKind.StatusFile:
                StatusFile.Write(_ctx, act.File!, record, act.Size);
                break;
            case ActionKind.Logdir:
                _logdirs[act.Logdir].Append(record);
                break;
        }
    }

    void AddText(string s)
    {
        int at = _record.Count;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(_record, at + s.Length);
        System.Text.Encoding.Latin1.GetBytes(s, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_record)[at..]);
    }

    /// "s6-log: alert: " and the record, its line cut to size bytes and "..." when longer (0: whole).
    void Alert(ReadOnlySpan<byte> record, int lineStart, int lineLength, int size)
    {
        var head = Bytes.ToBytes($"{LogContext.Prog}: alert: ");
        var text = new List<byte>(head);
        if (size > 0 && size + 3 < lineLength)
        {
            foreach (var b in record[..(lineStart + size)]) text.Add(b);
            text.AddRange("...\n"u8.ToArray());
        }
        else foreach (var b in record) text.Add(b);
        Unistd.WriteAll(_ctx.StderrFd, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text));
    }

    public void Dispose()
    {
        foreach (var l in _logdirs) l.Close();
        foreach (var element in _script.Elements)
            foreach (var sel in element.Selections) sel.Regex?.Dispose();
    }
}
