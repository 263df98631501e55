namespace Execline.Runtime;

/// A child's termination as waitpid reports it.
public readonly record struct WaitStatus(int Raw)
{
    public static WaitStatus Exited(int code) => new((code & 0xff) << 8);
    public static WaitStatus Signaled(int sig) => new(sig & 0x7f);

    public bool IsSignaled => (Raw & 0x7f) != 0 && (Raw & 0x7f) != 0x7f;
    public int Signal => Raw & 0x7f;
    public int ExitCode => (Raw >> 8) & 0xff;

    /// 128+signal when killed, 128 for codes of 128 and more, else the code.
    public int EStatus => IsSignaled ? 128 + Signal : ExitCode >= 128 ? 128 : ExitCode;

    /// 256+signal when killed, else the exit code: the value foreground puts in `?`.
    public int WStatus => IsSignaled ? 256 + Signal : ExitCode;
}
