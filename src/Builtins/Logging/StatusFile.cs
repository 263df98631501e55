using Execline.S6;

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
        int e = AtomicFile.Replace(file, content);
        if (e != 0) ctx.WarnUnable($"write status file {file}", e);
    }
}
