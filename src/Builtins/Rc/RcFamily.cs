using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// s6-rc's tools over the service database of src/Rc. They take fcntl locks on the database, which a
/// process holds as a whole, and s6-rc has children and catches signals, so inside a block they run as a
/// process of their own.
public static class RcFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-rc-compile", Needs.Files | Needs.OwnProcess, () => new S6RcCompile()),
        new("s6-rc-db", Needs.Files | Needs.OwnProcess, () => new S6RcDb()),
        new("s6-rc-init", Needs.Files | Needs.OwnProcess, () => new S6RcInit()),
        new("s6-rc", Needs.Files | Needs.OwnProcess, () => new S6Rc()),
        new("s6-rc-update", Needs.Files | Needs.OwnProcess, () => new S6RcUpdate()),
    ];
}
