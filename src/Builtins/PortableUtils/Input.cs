using Execline.Native;
using Execline.Runtime;
using Execline.Text;

namespace Execline.Builtins.PortableUtils;

/// Reads the modelled process's stdin (or another of its descriptors, or with fd -1 a real descriptor
/// of ours such as an opened file) in chunks, line by line for the filters.
/// A read error ends the command: 111, "unable to read from stdin".
sealed unsafe class Input(Invocation inv, int fd = 0, int realFd = -1)
{
    /// Called before each real read: a filter flushes its output there, so what it has printed goes out
    /// before it waits for more input, as skalibs' stdin buffer does.
    public Action? BeforeRead { get; init; }

    readonly byte[] _chunk = new byte[65536];
    int _start, _end;
    bool _eof;

    /// The next chunk read, empty at end of file.
    public ReadOnlySpan<byte> Read()
    {
        if (_start < _end)
        {
            var rest = _chunk.AsSpan(_start, _end - _start);
            _start = _end;
            return rest;
        }
        Fill();
        _start = _end;
        return _chunk.AsSpan(0, _end);
    }

    /// The next line without its '\n' (which may be missing on the last line); false at end of file.
    public bool ReadLine(out string line, out bool newline)
    {
        var acc = new MemoryStream();
        while (true)
        {
            if (_start == _end)
            {
                if (_eof) break;
                Fill();
                _start = 0;
                if (_end == 0) { _eof = true; break; }
            }
            var span = _chunk.AsSpan(_start, _end - _start);
            int nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                acc.Write(span[..nl]);
                _start += nl + 1;
                line = Bytes.Latin1(acc.GetBuffer().AsSpan(0, (int)acc.Length));
                newline = true;
                return true;
            }
            acc.Write(span);
            _start = _end;
        }
        line = Bytes.Latin1(acc.GetBuffer().AsSpan(0, (int)acc.Length));
        newline = false;
        return acc.Length > 0;
    }

    void Fill()
    {
        int real = fd >= 0 ? inv.State.Fds.Real(fd) : realFd;
        if (real < 0) throw inv.DieErrno(111, "unable to read from stdin", Errno.EBADF);
        BeforeRead?.Invoke();
        while (true)
        {
            nint n;
            fixed (byte* p = _chunk) n = Unistd.read(real, p, _chunk.Length);
            if (n >= 0) { _end = (int)n; return; }
            int e = Errno.Value;
            if (e != Errno.EINTR) throw inv.DieErrno(111, "unable to read from stdin", e);
        }
    }
}
