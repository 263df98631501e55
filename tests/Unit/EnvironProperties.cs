using CsCheck;
using Execline.Runtime;

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

    /// Names that collide by prefix ("v7", "v70") and with the filler ("v7" is in it from 8 entries on).
    static readonly string[] Names = ["A", "B", "C", "PATH", "v7", "v70"];
    static readonly Gen<string> Name = Gen.OneOf(Names);
    static readonly Gen<string> Value = Gen.OneOf("", "x", "y=z");

    /// Filler entries v0=0 ... up to 150 of them, so that the environment crosses the size at which it
    /// starts indexing names; then any sequence of sets and unsets, on ours and on a plain list.
    [Fact]
    public void Sets_and_unsets_keep_upstream_order_at_any_size() =>
        Gen.Int[0, 150].Select(filler =>
            {
                var start = Enumerable.Range(0, filler).Select(i => $"v{i}={i}").ToList();
                return (new Environ(start), new List<string>(start));
            })
            .SampleModelBased(
                [
                    Gen.Select(Name, Value).Operation<Environ, List<string>>(o => $"set {o.Item1}={o.Item2}",
                        (env, o) => env.Set(o.Item1, o.Item2), (reference, o) => Reference(reference, o.Item1, o.Item2)),
                    Name.Operation<Environ, List<string>>(n => $"unset {n}",
                        (env, n) => env.Unset(n), (reference, n) => Reference(reference, n, null)),
                ],
                equal: (env, reference) => env.Entries.SequenceEqual(reference) && Names.All(n =>
                    env.Get(n) == reference.Where(e => e.StartsWith(n + "=")).Select(e => e[(n.Length + 1)..]).FirstOrDefault()),
                iter: 1000, printActual: env => string.Join(" ", env.Entries), printModel: reference => string.Join(" ", reference));

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
