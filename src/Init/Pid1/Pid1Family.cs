using Execline.Runtime;

namespace Execline.Init.Pid1;

public static class Pid1Family
{
    public static readonly string[] Names = ["s6-overlay-waitall", "s6-overlay-holdsignals"];

    public static Builtin? Make(string name) => name switch
    {
        "s6-overlay-waitall" => new WaitAll(),
        "s6-overlay-holdsignals" => new HoldSignals(),
        _ => null,
    };
}
