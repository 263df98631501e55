using Execline.Runtime;

namespace Execline.Builtins.Tests;

public static class TestsFamily
{
    public static IEnumerable<Builtin> All => [];
}
