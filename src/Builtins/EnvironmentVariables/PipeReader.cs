using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// Reads backtick's pipe to its end: in this thread as the block's builtins write into it (CapturedPipes),
/// on a thread of its own once a process the block starts may write too, in this thread once only the
/// block's program writes (see IOutputReader).
sealed class PipeReader : IOutputReader, IDisposable
{
    readonly int _fd;
    CapturedPipes.Capture? _capture;
    byte[] _drained = [];
    ReaderThread? _thread;
    bool _read;
    byte[]? _data;
    int _err;

    public PipeReader(int fd) => _fd = fd;

    public bool CaptureHere()
    {
        // Under a process limit, starting the thread stands for execline's fork of the block, and fails
        // where that fork would (a block starting with builtins cannot run then, even those that need no
        // process). Root is held to no such limit.
        if (ProcessLimited) return HandOff();
        _capture = CapturedPipes.Begin(_fd, HandOff);
        return _capture != null || HandOff();
    }

    static readonly bool ProcessLimited = Unistd.geteuid() != 0
        && (!SysResource.GetLimit(SysResource.RLIMIT_NPROC, out ulong soft, out _) || soft != SysResource.RLIM_INFINITY);

    /// The reading goes to a thread, after what this one drained.
    bool HandOff()
    {
        Dispose();
        return (_thread = ReaderThread.Take(_fd)) != null;
    }

    public void ReadHere()
    {
        if (_thread != null || _read) return;
        Dispose();
        _data = Unistd.ReadAll(_fd, out _err);
        _read = true;
    }

    /// Once the block has ended: the pipe's bytes, or null with the errno of the failed read.
    public byte[]? Finish(out int err)
    {
        byte[]? rest;
        if (_thread != null) rest = _thread.Finish(out err);
        else
        {
            ReadHere();
            rest = _data;
            err = _err;
        }
        return rest == null || _drained.Length == 0 ? rest : [.. _drained, .. rest];
    }

    /// Stops draining in this thread, keeping what was drained.
    public void Dispose()
    {
        if (_capture == null) return;
        CapturedPipes.End(_capture);
        _drained = _capture.Drained.ToArray();
        _capture = null;
    }
}
