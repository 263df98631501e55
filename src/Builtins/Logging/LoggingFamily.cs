using Execline.Runtime;

namespace Execline.Builtins.Logging;

public static class LoggingFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-log", Needs.OwnProcess, () => new S6Log()),
        new("s6-tai64n", Needs.None, () => new S6Tai64n()),
        new("s6-tai64nlocal", Needs.None, () => new S6Tai64nlocal()),
    ];
}
