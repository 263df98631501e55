using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// A thread that reads a pipe to its end. Threads are kept for the next read: a script of many
/// backticks starts one thread, not one per backtick, and nested backticks each get their own.
sealed class ReaderThread
{
    static readonly List<ReaderThread> _idle = new();

    readonly object _gate = new();
    int _fd = -1;
    bool _done;
    byte[]? _data;
    int _err;

    /// Hands fd to an idle thread or a new one; null when no thread could be started.
    public static ReaderThread? Take(int fd)
    {
        ReaderThread? reader = null;
        lock (_idle)
        {
            if (_idle.Count > 0)
            {
                reader = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
            }
        }
        if (reader == null)
        {
            reader = new ReaderThread();
            if (!NewThread.TryStart(new Thread(reader.Loop, 256 * 1024) { IsBackground = true })) return null;
        }
        lock (reader._gate)
        {
            reader._done = false;
            reader._fd = fd;
            Monitor.PulseAll(reader._gate);
        }
        return reader;
    }

    /// Waits for the end of the pipe: its bytes, or null with the errno of the failed read.
    public byte[]? Finish(out int err)
    {
        byte[]? data;
        lock (_gate)
        {
            while (!_done) Monitor.Wait(_gate);
            data = _data;
            err = _err;
            _data = null;
        }
        lock (_idle) _idle.Add(this);
        return data;
    }

    void Loop()
    {
        while (true)
        {
            int fd;
            lock (_gate)
            {
                while (_fd < 0) Monitor.Wait(_gate);
                fd = _fd;
            }
            var data = Unistd.ReadAll(fd, out int err);
            lock (_gate)
            {
                _data = data;
                _err = err;
                _fd = -1;
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
