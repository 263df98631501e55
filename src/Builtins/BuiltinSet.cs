using Execline.Runtime;

namespace Execline.Builtins;

/// Every command of the execline and s6 tool set, family by family. Each family declares its commands
/// once (name, needs, how to make one), so a chain loads only the classes it calls.
public static class BuiltinSet
{
    static readonly Command[] Own =
    [
        new("execlineb", Needs.Files | Needs.Eager, () => new Language.Execlineb()),
        new(DoubleFork.Name, Needs.None, () => new DoubleFork()) { Hidden = true },
    ];

    /// A family's table is built when a lookup first reaches it: a script of execline's control flow
    /// alone never builds the tables of s6's tools.
    public static readonly Func<Command[]>[] Families =
    [
        () => Own,
        () => ControlFlow.ControlFlowFamily.Commands,
        () => Variables.VariablesFamily.Commands,
        () => Loops.LoopsFamily.Commands,
        () => Fds.FdsFamily.Commands,
        () => EnvironmentVariables.EnvironmentVariablesFamily.Commands,
        () => Conditions.ConditionsFamily.Commands,
        () => Jobs.JobsFamily.Commands,
        () => SupervisionClients.SupervisionClientsFamily.Commands,
        () => Logging.LoggingFamily.Commands,
        () => PortableUtils.PortableUtilsFamily.Commands,
        () => Credentials.CredentialsFamily.Commands,
        () => EnvDirs.EnvDirsFamily.Commands,
        () => Overlay.OverlayFamily.Commands,
        () => ProcessControl.ProcessControlFamily.Commands,
        () => Rc.RcFamily.Commands,
    ];
}
