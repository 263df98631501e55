using Execline.Runtime;

namespace Execline.Builtins.Conditions;

/// test(1) expressions: execline's eltest, and s6-portable-utils' s6-test, the same grammar under its
/// older name.
public static class ConditionsFamily
{
    public static readonly Command[] Commands =
    [
        new("eltest", Needs.Files, () => new Eltest()),
        new("s6-test", Needs.Files, () => new S6Test()),
    ];
}
