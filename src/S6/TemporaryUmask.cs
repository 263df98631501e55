using Execline.Native;

namespace Execline.S6;

/// Sets this process's umask for what is made with an exact mode (a supervisor's directories, FIFOs and
/// lock files; s6-mkdir -m, s6-hiercopy, s6-mkfifo), and puts back the mask it replaced afterwards. A
/// builtin that makes files runs with the chain's mask in place (Needs.Files), so the chain that runs it
/// in-process goes on with its own.
public readonly struct TemporaryUmask : IDisposable
{
    readonly int _replaced;

    public TemporaryUmask(int mask) => _replaced = SysStat.umask(mask);

    /// What makes mode exact: the mask in place when it takes no bit of mode (no change at all), else 0.
    public static TemporaryUmask Exact(int mode) => new((SysStat.Umask & mode) == 0 ? SysStat.Umask : 0);

    public void Dispose() => SysStat.umask(_replaced);
}
