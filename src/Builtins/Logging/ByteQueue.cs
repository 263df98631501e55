namespace Execline.Builtins.Logging;

/// Bytes waiting to be written: appended at the end, consumed from the front as writes succeed. It grows
/// as needed, so a destination that cannot take data (a full disk) never makes a line get dropped.
sealed class ByteQueue
{
    byte[] _buf = new byte[4096];
    int _start, _end;

    public int Length => _end - _start;
    public ReadOnlySpan<byte> Data => _buf.AsSpan(_start, _end - _start);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_end + data.Length > _buf.Length)
        {
            int len = Length;
            if (len + data.Length > _buf.Length)
                Array.Resize(ref _buf, Math.Max(_buf.Length * 2, len + data.Length));
            Buffer.BlockCopy(_buf, _start, _buf, 0, len);
            _start = 0;
            _end = len;
        }
        data.CopyTo(_buf.AsSpan(_end));
        _end += data.Length;
    }

    public void Consume(int n)
    {
        _start += n;
        if (_start == _end) _start = _end = 0;
    }

    public void Clear() => _start = _end = 0;
}
