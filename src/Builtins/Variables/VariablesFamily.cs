using Execline.Runtime;

namespace Execline.Builtins.Variables;

public static class VariablesFamily
{
    public static readonly Command[] Commands =
    [
        new("define", Needs.Eager, () => new Define()),
        new("importas", Needs.Eager, () => new Importas()),
        new("multisubstitute", Needs.Files | Needs.Eager, () => new Multisubstitute()),
        new("multidefine", Needs.Eager, () => new Multidefine()),
        new("elglob", Needs.Files | Needs.Eager, () => new Elglob()),
        new("elgetpositionals", Needs.Eager, () => new Elgetpositionals()),
        new("elgetopt", Needs.None, () => new Elgetopt()),
        new("shift", Needs.None, () => new Shift()),
        new("dollarat", Needs.None, () => new Dollarat()),
        new("runblock", Needs.None, () => new Runblock()),
    ];
}
