using Execline.Native;
using Execline.S6;

namespace Execline.Init.Supervision;

/// The small configuration files of a service directory, read the way s6-supervise reads them: a few
/// bytes, cut at the first newline; a missing file is silent, a malformed one is warned about and ignored.
static unsafe class ServiceFiles
{
    /// The first line of path (at most max bytes read), or null when the file cannot be opened.
    static string? FirstLine(string path, int max, out int errno)
    {
        errno = 0;
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        if (fd < 0)
        {
            errno = Errno.Value;
            return null;
        }
        byte* buf = stackalloc byte[max];
        nint n = Unistd.read(fd, buf, max);
        Unistd.close(fd);
        if (n < 0) n = 0;
        var line = Text.Bytes.Latin1(new ReadOnlySpan<byte>(buf, (int)n));
        int nl = line.IndexOf('\n');
        return nl < 0 ? line : line.Substring(0, nl);
    }

    /// An unsigned number from dir/name, or null when absent or invalid (warned through warn).
    public static uint? UInt(string dir, string name, Action<string> warn)
    {
        var line = FirstLine(dir + "/" + name, 11, out int errno);
        if (line == null)
        {
            if (errno != Errno.ENOENT) warn($"unable to read {name}: {Errno.StrError(errno)}");
            return null;
        }
        if (line.Length == 0 || line.Length > 10 || !line.All(char.IsAsciiDigit) || !uint.TryParse(line, out var v))
        {
            warn($"invalid {name}");
            return null;
        }
        return v;
    }

    /// The signal in dir/down-signal, SIGTERM when absent or invalid.
    public static int DownSignal(string dir, Action<string> warn)
    {
        var line = FirstLine(dir + "/down-signal", 15, out int errno);
        if (line == null)
        {
            if (errno != Errno.ENOENT) warn($"unable to read down-signal: {Errno.StrError(errno)}");
            return Signal.SIGTERM;
        }
        if (SignalNames.TryScan(line, out uint sig) && sig is > 0 and < 65) return (int)sig;
        warn("invalid down-signal");
        return Signal.SIGTERM;
    }

    public static bool Exists(string path) => SysStat.StatPath(path, out _, follow: false) == 0;
}
