using Execline.Native;
using Execline.Runtime;

namespace Execline.S6;

/// Sets this process's umask for the commands that set their own (s6-mkdir -m, s6-hiercopy, s6-mkfifo),
/// and puts the modelled one back afterwards: the chain that runs us in-process goes on with its own.
public readonly struct TemporaryUmask : IDisposable
{
    readonly ProcessState _state;

    public TemporaryUmask(ProcessState state, int mask)
    {
        _state = state;
        Libc.umask(mask);
    }

    public void Dispose() => Libc.umask(_state.Umask);
}
