using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// s6-rc's tools over the service database of src/Rc. s6-rc-db and s6-rc-update hold their locks until
/// they end and s6-rc-update catches signals, so inside a block they run as a process of their own.
/// s6-rc-compile's lock lasts the call, s6-rc-init takes none, and s6-rc releases its locks when it
/// returns, reaps only its own children and catches signals only in a process of its own: they run in
/// the caller's process (v3's rc.init runs all three at every boot).
public static class RcFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-rc-compile", Needs.Files, () => new S6RcCompile()),
        new("s6-rc-db", Needs.Files | Needs.OwnProcess, () => new S6RcDb()),
        new("s6-rc-init", Needs.Files, () => new S6RcInit()),
        new("s6-rc", Needs.Files, () => new S6Rc()),
        new("s6-rc-update", Needs.Files | Needs.OwnProcess, () => new S6RcUpdate()),
    ];
}
