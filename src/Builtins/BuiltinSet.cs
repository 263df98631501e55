using Execline.Runtime;

namespace Execline.Builtins;

/// Every command this binary answers to, family by family. Each family lists its names and makes a
/// builtin on demand, so a chain loads only the classes it calls.
public static class BuiltinSet
{
    public static readonly string[] Names =
    [
        "execlineb",
        .. ControlFlow.ControlFlowFamily.Names,
        .. Variables.VariablesFamily.Names,
        .. Loops.LoopsFamily.Names,
        .. Fds.FdsFamily.Names,
        .. Environment.EnvironmentFamily.Names,
        .. Tests.TestsFamily.Names,
        .. Jobs.JobsFamily.Names,
        .. SupervisionClients.SupervisionClientsFamily.Names,
        .. Logging.LoggingFamily.Names,
        .. PortableUtils.PortableUtilsFamily.Names,
        .. Credentials.CredentialsFamily.Names,
        .. EnvDirs.EnvDirsFamily.Names,
        .. Overlay.OverlayFamily.Names,
        .. ProcessControl.ProcessControlFamily.Names,
    ];

    public static Builtin? Make(string name) =>
        name == "execlineb" ? new Language.Execlineb()
        : name == DoubleFork.Name ? new DoubleFork()
        : ControlFlow.ControlFlowFamily.Make(name)
          ?? Variables.VariablesFamily.Make(name)
          ?? Loops.LoopsFamily.Make(name)
          ?? Fds.FdsFamily.Make(name)
          ?? Environment.EnvironmentFamily.Make(name)
          ?? Tests.TestsFamily.Make(name)
          ?? Jobs.JobsFamily.Make(name)
          ?? SupervisionClients.SupervisionClientsFamily.Make(name)
          ?? Logging.LoggingFamily.Make(name)
          ?? PortableUtils.PortableUtilsFamily.Make(name)
          ?? Credentials.CredentialsFamily.Make(name)
          ?? EnvDirs.EnvDirsFamily.Make(name)
          ?? Overlay.OverlayFamily.Make(name)
          ?? ProcessControl.ProcessControlFamily.Make(name);

    public static void Register() => Registry.Use(() => Names, Make);
}
