using System.Text;
using Execline.Native;

namespace Execline.Builtins.Loops;

/// Reads a descriptor in chunks the way forstdin's skalibs buffer does: up to the next delimiter byte, or
/// one netstring at a time. Reads are buffered, so a child sharing the descriptor starts after our buffer.
public sealed unsafe class ChunkReader(int fd)
{
    readonly byte[] _buf = new byte[8192];
    int _start, _end;
    bool _eof;

    public int Errno { get; private set; }

    int Buffered => _end - _start;

    /// Reads more into the buffer: false at end of file or on error (Errno set).
    bool Fill()
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Array.Copy(_buf, _start, _buf, 0, Buffered);
            _end -= _start;
            _start = 0;
        }
        while (true)
        {
            nint n;
            fixed (byte* p = _buf) n = Unistd.read(fd, p + _end, _buf.Length - _end);
            if (n > 0) { _end += (int)n; return true; }
            if (n == 0) { _eof = true; return false; }
            int e = Native.Errno.Value;
            if (e == Native.Errno.EINTR) continue;
            Errno = e;
            return false;
        }
    }

    public enum Result { Chunk, Partial, End, Error }

    /// The bytes up to and including the next byte of delims. At end of file: Partial with what was left,
    /// or End when nothing was.
    public Result ReadUntil(string delims, StringBuilder value)
    {
        while (true)
        {
            for (int i = _start; i < _end; i++)
            {
                if (delims.IndexOf((char)_buf[i]) < 0) continue;
                Append(value, i + 1 - _start);
                return Result.Chunk;
            }
            Append(value, Buffered);
            if (!Fill())
            {
                if (Errno != 0) return Result.Error;
                return value.Length > 0 ? Result.Partial : Result.End;
            }
        }
    }

    const int SizeFormat = 21;

    /// One netstring "len:bytes,". End only at a clean end of file; Error with EPIPE when the file ends
    /// inside one, EPROTO when it is malformed.
    public Result ReadNetstring(StringBuilder value)
    {
        // The length header must show its ':' within the first 21 bytes.
        int colon;
        while (true)
        {
            int window = Math.Min(Buffered, SizeFormat);
            colon = Array.IndexOf(_buf, (byte)':', _start, window);
            if (colon >= 0)
            {
                colon -= _start;
                break;
            }
            if (window >= SizeFormat) return Fail(Native.Errno.EPROTO);
            if (!Fill())
            {
                if (Errno != 0) return Result.Error;
                return Buffered == 0 ? Result.End : Fail(Native.Errno.EPIPE);
            }
        }
        // The length: one or more digits filling the header, within 64 bits.
        ulong len = 0;
        bool valid = colon > 0;
        for (int i = 0; i < colon && valid; i++)
        {
            byte b = _buf[_start + i];
            ulong next = len * 10 + (ulong)(b - '0');
            valid = b >= '0' && b <= '9' && next / 10 == len;
            len = next;
        }
        _start += colon + 1;
        if (!valid) return Fail(Native.Errno.EPROTO);
        ulong want = len + 1;
        while (want > 0)
        {
            if (Buffered == 0 && !Fill()) return Errno != 0 ? Result.Error : Fail(Native.Errno.EPIPE);
            int take = (int)Math.Min((ulong)Buffered, want);
            Append(value, take);
            want -= (ulong)take;
        }
        if (value[^1] != ',') return Fail(Native.Errno.EPROTO);
        value.Length--;
        return Result.Chunk;
    }

    Result Fail(int errno)
    {
        Errno = errno;
        return Result.Error;
    }

    void Append(StringBuilder value, int count)
    {
        for (int i = 0; i < count; i++) value.Append((char)_buf[_start + i]);
        _start += count;
    }
}
