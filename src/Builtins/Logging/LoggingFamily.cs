using Execline.Runtime;

namespace Execline.Builtins.Logging;

public static class LoggingFamily
{
    public static readonly string[] Names = ["s6-log", "s6-tai64n", "s6-tai64nlocal"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-log" => new S6Log(),
        "s6-tai64n" => new S6Tai64n(),
        "s6-tai64nlocal" => new S6Tai64nlocal(),
        _ => null,
    };
}
