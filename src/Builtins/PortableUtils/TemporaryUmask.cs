using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// Sets this process's umask for the commands that set their own (s6-mkdir -m, s6-hiercopy, s6-mkfifo),
/// and puts the modelled one back afterwards: the chain that runs us in-process goes on with its own.
readonly struct TemporaryUmask : IDisposable
{
    readonly ProcessState _state;

    public TemporaryUmask(ProcessState state, int mask)
    {
        _state = state;
        SysStat.umask(mask);
    }

    public void Dispose() => SysStat.umask(_state.Umask);
}
