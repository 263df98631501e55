using Execline.Runtime;

namespace Execline.Builtins.Overlay;

/// s6-overlay's own helpers that are programs rather than scripts here.
public static class OverlayFamily
{
    public static readonly Command[] Commands =
    [
        new("fix-attrs", Needs.Files, () => new FixAttrs()),
        new("s6-overlay-preinit", Needs.Files, () => new Preinit()),
        new("s6-overlay-suexec", Needs.OwnProcess, () => new Suexec()),
        new("s6-overlay-stat", Needs.Files, () => new OverlayStat()),
        new(PrepareRun.Name, Needs.Files, () => new PrepareRun()) { Hidden = true },
        new(FixAttrsV3.Name, Needs.Files, () => new FixAttrsV3()) { Hidden = true },
    ];
}
