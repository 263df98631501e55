using Execline.Runtime;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Execline.Tests.Unit;

/// The environment keeps upstream's order whether it is small (linear lookups) or large (indexed).
public class EnvironProperties
{
    /// execline's merge on a plain list: the matching slot takes the last entry, then a set appends.
    static void Reference(List<string> env, string name, string? value)
    {
        int i = env.FindIndex(e => e == name || e.StartsWith(name + "="));
        if (i >= 0)
        {
            env[i] = env[^1];
            env.RemoveAt(env.Count - 1);
        }
        if (value != null) env.Add(name + "=" + value);
    }

    static readonly Gen<(string, string?)> Op =
        Gen.Elements("A", "B", "C", "PATH", "v7", "v70").SelectMany(n =>
            Gen.Elements<string?>(null, "", "x", "y=z").Select(v => (n, v)));

    [Property(MaxTest = 200)]
    public Property Sets_and_unsets_keep_upstream_order_at_any_size() =>
        Prop.ForAll(Gen.Choose(0, 150).ToArbitrary(), Op.ArrayOf().ToArbitrary(), (filler, ops) =>
        {
            var start = Enumerable.Range(0, filler).Select(i => $"v{i}={i}").ToList();
            var env = new Environ(start);
            var reference = new List<string>(start);
            foreach (var (name, value) in ops)
            {
                if (value == null) env.Unset(name); else env.Set(name, value);
                Reference(reference, name, value);
            }
            return env.Entries.SequenceEqual(reference)
                && ops.All(o => env.Get(o.Item1) == reference.Where(e => e.StartsWith(o.Item1 + "=")).Select(e => e[(o.Item1.Length + 1)..]).FirstOrDefault());
        });

    [Fact]
    public void With_a_duplicate_name_the_first_entry_counts_at_any_size()
    {
        var entries = Enumerable.Range(0, 100).Select(i => $"v{i}={i}").Append("v5=late").ToList();
        var env = new Environ(entries);
        Assert.Equal("5", env.Get("v5"));
        env.Unset("v5");
        Assert.Equal("late", env.Get("v5"));
    }
}
