using Execline.Runtime;

namespace Execline.Builtins.Conditions;

public static class ConditionsFamily
{
    public static readonly Command[] Commands =
    [
        new("eltest", Needs.Files, () => new Eltest()),
    ];
}
