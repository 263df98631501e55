using Execline.Native;

namespace Execline.Builtins.Environment;

/// Reads a pipe to its end on a thread of its own, so the block writing into it can run in this process
/// at the same time. Threads are kept for the next read: a script of many backticks starts one thread,
/// not one per backtick, and nested backticks each get their own.
sealed class PipeReader
{
    static readonly List<PipeReader> _idle = new();

    readonly object _gate = new();
    int _fd = -1;
    bool _done;
    byte[]? _data;
    int _err;

    PipeReader() => new Thread(Loop, 256 * 1024) { IsBackground = true }.Start();

    public static PipeReader Start(int fd)
    {
        PipeReader? reader = null;
        lock (_idle)
        {
            if (_idle.Count > 0)
            {
                reader = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
            }
        }
        reader ??= new PipeReader();
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
            var data = Libc.ReadAll(fd, out int err);
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
