using Execline.Runtime;

namespace Execline.Init.Supervision;

public static class SupervisionFamily
{
    public static readonly string[] Names = ["s6-svscan", "s6-supervise"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-svscan" => new Svscan(),
        "s6-supervise" => new Supervise(),
        _ => null,
    };
}
