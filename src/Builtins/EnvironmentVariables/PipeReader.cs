using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// Reads backtick's pipe to its end: on a thread of its own while builtins of the block run in this
/// process, in this thread once only the block's program writes (see IOutputReader).
sealed class PipeReader : IOutputReader
{
    readonly int _fd;
    ReaderThread? _thread;
    bool _read;
    byte[]? _data;
    int _err;

    public PipeReader(int fd) => _fd = fd;

    public bool ReadInBackground() => (_thread = ReaderThread.Take(_fd)) != null;

    public void ReadHere()
    {
        if (_thread != null || _read) return;
        _data = Unistd.ReadAll(_fd, out _err);
        _read = true;
    }

    /// Once the block has ended: the pipe's bytes, or null with the errno of the failed read.
    public byte[]? Finish(out int err)
    {
        if (_thread != null) return _thread.Finish(out err);
        ReadHere();
        err = _err;
        return _data;
    }
}
