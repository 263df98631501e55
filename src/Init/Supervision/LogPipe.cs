using Execline.Native;

namespace Execline.Init.Supervision;

/// The pipe between a service and its logger. It is made once, when the pair is first seen, and each end
/// lives as long as the supervisor of its side: restarting the service or the logger loses nothing
/// buffered, and the logger sees end of file only once the service side is gone for good.
sealed class LogPipe
{
    public int ReadEnd { get; private set; }
    public int WriteEnd { get; private set; }

    LogPipe(int r, int w)
    {
        ReadEnd = r;
        WriteEnd = w;
    }

    public static LogPipe? Create()
    {
        var (r, w) = Unistd.Pipe();
        return r < 0 ? null : new LogPipe(r, w);
    }

    public void CloseWriteEnd()
    {
        if (WriteEnd >= 0) Unistd.close(WriteEnd);
        WriteEnd = -1;
    }

    public void CloseReadEnd()
    {
        if (ReadEnd >= 0) Unistd.close(ReadEnd);
        ReadEnd = -1;
    }
}
