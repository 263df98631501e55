using Execline.Runtime;

namespace Execline.Builtins.Tests;

public static class TestsFamily
{
    public static readonly Command[] Commands =
    [
        new("eltest", Needs.Files, () => new Eltest()),
    ];
}
