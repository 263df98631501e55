using Execline.Runtime;

namespace Execline.Builtins.Overlay;

/// s6-overlay's own helpers that are programs rather than scripts here.
public static class OverlayFamily
{
    public static readonly string[] Names = ["fix-attrs", "s6-overlay-preinit"];

    public static Builtin? Make(string name) => name switch
    {
        "fix-attrs" => new FixAttrs(),
        "s6-overlay-preinit" => new Preinit(),
        _ => null,
    };
}
