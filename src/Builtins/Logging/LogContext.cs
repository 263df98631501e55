using Execline.Native;
using Execline.Text;

namespace Execline.Builtins.Logging;

/// What the parts of one logger share: where its complaints go, the mode of the files it creates, the
/// environment its processors get. No global state, so many loggers can live in one process.
sealed class LogContext(int verbosity, int stderrFd, int umask, IReadOnlyList<string> environment)
{
    public const string Prog = "s6-log";

    public int StderrFd { get; } = stderrFd;
    /// 0666 less the umask: current while it is written; archives also get the owner's exec bit.
    public int FileMode { get; } = SysStat.Mode0666 & ~umask;
    public IReadOnlyList<string> Environment { get; } = environment;

    /// Milliseconds on a clock that never jumps: deadlines for retries.
    public static long Now => System.Environment.TickCount64;

    public void Warn(string text)
    {
        if (verbosity > 0) Unistd.WriteAll(StderrFd, Bytes.ToBytes($"{Prog}: warning: {text}\n"));
    }

    /// "unable to WHAT: error text".
    public void WarnUnable(string what, int errno) => Warn($"unable to {what}: {Errno.StrError(errno)}");
}
