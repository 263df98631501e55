using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// s6-rc's tools over the service database of src/Rc. s6-rc-db, s6-rc and s6-rc-update hold fcntl locks
/// until they end (a process holds them as a whole) and s6-rc has children and catches signals, so inside
/// a block they run as a process of their own. s6-rc-compile's lock lasts the call and s6-rc-init takes
/// none: they run in the caller's process (v3's rc.init runs both at every boot).
public static class RcFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-rc-compile", Needs.Files, () => new S6RcCompile()),
        new("s6-rc-db", Needs.Files | Needs.OwnProcess, () => new S6RcDb()),
        new("s6-rc-init", Needs.Files, () => new S6RcInit()),
        new("s6-rc", Needs.Files | Needs.OwnProcess, () => new S6Rc()),
        new("s6-rc-update", Needs.Files | Needs.OwnProcess, () => new S6RcUpdate()),
    ];
}
