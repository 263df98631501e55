using Execline.Builtins;

namespace Execline.Tests.Unit;

public class RegistryTests
{
    [Fact]
    public void Every_listed_name_makes_a_builtin()
    {
        var missing = BuiltinSet.Names.Where(n => BuiltinSet.Make(n) == null).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void No_name_is_listed_twice() =>
        Assert.Equal(BuiltinSet.Names.Length, BuiltinSet.Names.Distinct().Count());

    [Fact]
    public void An_unknown_name_makes_nothing() => Assert.Null(BuiltinSet.Make("no-such-command"));
}
