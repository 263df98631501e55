using Execline.Runtime;

namespace Execline.Init;

/// The commands of the supervision tree and the container init. The tool set they run is the builtins'
/// (src/Multicall puts both in one registry); they themselves need only the core and src/S6.
public static class InitSet
{
    public static readonly Func<Command[]>[] Families =
    [
        () => Supervision.SupervisionFamily.Commands,
        () => Pid1.Pid1Family.Commands,
    ];
}
