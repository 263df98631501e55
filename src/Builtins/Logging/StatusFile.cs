using Execline.Native;

namespace Execline.Builtins.Logging;

/// The `=FILE` action: FILE holds the last selected line, replaced atomically (FILE.new, then rename).
static class StatusFile
{
    /// size > 0: the file is exactly size bytes, the record cut or padded with newlines; 0: as is.
    public static void Write(LogContext ctx, string file, ReadOnlySpan<byte> record, int size)
    {
        byte[] content;
        if (size == 0) content = record.ToArray();
        else if (record.Length >= size) content = record[..size].ToArray();
        else
        {
            content = new byte[size];
            record.CopyTo(content);
            content.AsSpan(record.Length).Fill((byte)'\n');
        }
        string tmp = file + ".new";
        int fd = Fcntl.Open(tmp, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        int e = fd < 0 ? Errno.Value : Unistd.WriteAll(fd, content);
        if (fd >= 0) Unistd.close(fd);
        if (e == 0 && Stdio.Rename(tmp, file) < 0) e = Errno.Value;
        if (e != 0)
        {
            if (fd >= 0) Unistd.Unlink(tmp);
            ctx.WarnUnable($"write status file {file}", e);
        }
    }
}
