using System.Diagnostics;
using Execline.Multicall;
using Execline.Runtime;

namespace Execline.Tests.Unit;

public class RegistryTests
{
    /// The names a command answers to besides the one it prints (upstream's execline-cd is also cd).
    static readonly Dictionary<string, string> Aliases = new()
    {
        ["cd"] = "execline-cd",
        ["umask"] = "execline-umask",
    };

    static IEnumerable<Command> Declared => CommandSet.Families.SelectMany(f => f());

    static IEnumerable<string> EveryName => Declared.SelectMany(c => (string[])[c.Name, .. c.Aliases ?? []]);

    [Fact]
    public void Every_registered_name_makes_a_command_that_prints_that_name_or_is_a_known_alias()
    {
        CommandSet.Register();
        var wrong = EveryName
            .Select(n => (Name: n, Prog: Registry.Find(n)?.Prog))
            .Where(p => p.Prog != (Aliases.TryGetValue(p.Name, out var prog) ? prog : p.Name))
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_alias_is_declared_as_one()
    {
        var declared = Declared.SelectMany(c => (c.Aliases ?? []).Select(a => (a, c.Name)));
        Assert.Equal(Aliases.OrderBy(p => p.Key), declared.Select(p => KeyValuePair.Create(p.a, p.Name)).OrderBy(p => p.Key));
    }

    [Fact]
    public void No_name_is_declared_twice() => Assert.Equal(EveryName.Count(), EveryName.Distinct().Count());

    [Fact]
    public void An_unknown_name_makes_nothing()
    {
        CommandSet.Register();
        Assert.Null(Registry.Find("no-such-command"));
    }

    [Fact]
    public void Execline_list_prints_every_declared_name_but_the_hidden_ones()
    {
        var expected = Declared.Where(c => !c.Hidden).SelectMany(c => (string[])[c.Name, .. c.Aliases ?? []])
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, List(Binary()));
    }

    static List<string> List(string binary)
    {
        var psi = new ProcessStartInfo(binary, ["--list"]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return lines;
    }

    /// The published program, as the conformance tests find it.
    static string Binary()
    {
        var env = Environment.GetEnvironmentVariable("EXECLINE_BIN");
        if (!string.IsNullOrEmpty(env)) return env;
        var dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "Execline.sln"))) dir = Path.GetDirectoryName(dir);
        var published = Path.Combine(dir ?? "/", "out/local/usr/lib/execline-cs/execline");
        return File.Exists(published) ? published : throw new InvalidOperationException("no execline binary: set EXECLINE_BIN or run scripts/publish.sh");
    }
}
