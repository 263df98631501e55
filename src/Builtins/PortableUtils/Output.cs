using Execline.Native;
using Execline.Runtime;
using Execline.Text;

namespace Execline.Builtins.PortableUtils;

/// Buffered writes to one of the modelled process's descriptors (stdout unless told), flushed when the
/// buffer fills and at the end; a failed write ends the command as skalibs' tools do: 111, "unable to
/// write to stdout".
sealed class Output(Invocation inv, int fd = 1)
{
    readonly MemoryStream _buffer = new();

    public void Put(string bytes)
    {
        foreach (var c in bytes) _buffer.WriteByte((byte)c);
        if (_buffer.Length >= 65536) Flush();
    }

    public void Put(char c) => Put(c.ToString());

    public void Put(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        if (_buffer.Length >= 65536) Flush();
    }

    public void Flush()
    {
        if (_buffer.Length == 0) return;
        int real = inv.State.Fds.Real(fd);
        int err = real < 0 ? Errno.EBADF : Unistd.WriteAll(real, _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length));
        _buffer.SetLength(0);
        if (err != 0) throw inv.DieErrno(111, "unable to write to stdout", err);
    }

    /// Writes all of text at once (no buffering) and fails the same way.
    public static void Write(Invocation inv, string text, int fd = 1)
    {
        var o = new Output(inv, fd);
        o.Put(text);
        o.Flush();
    }
}
