using Execline.Rc.Graph;

namespace Execline.Rc.Database;

/// A compiled service database: the atomic services (longruns first, then oneshots, each at the index
/// s6-rc-compile would give it), the bundles (in s6-rc-compile's order: as defined, then one per named
/// pipeline), and the dependency graph between the atomic services.
public sealed class ServiceDatabase
{
    readonly Dictionary<string, int> _atomics = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _bundles = new(StringComparer.Ordinal);

    public IReadOnlyList<Service> Services { get; }
    /// Services below this index are the longruns.
    public int LongrunCount { get; }
    public IReadOnlyList<Bundle> Bundles { get; }
    public ServiceGraph Graph { get; }

    public ServiceDatabase(IReadOnlyList<Service> services, int longrunCount, IReadOnlyList<Bundle> bundles)
    {
        Services = services;
        LongrunCount = longrunCount;
        Bundles = bundles;
        for (int i = 0; i < services.Count; i++) _atomics[services[i].Name] = i;
        for (int i = 0; i < bundles.Count; i++) _bundles[bundles[i].Name] = i;
        Graph = new ServiceGraph(services.Select(s => s.Dependencies).ToArray());
        for (int i = 0; i < services.Count; i++) services[i].Dependents = Graph.Dependents(i);
    }

    public int Count => Services.Count;

    public bool TryFindAtomic(string name, out int index) => _atomics.TryGetValue(name, out index);

    /// The atomic services a name stands for (itself, or a bundle's contents), or null for a name the
    /// database does not know.
    public int[]? Resolve(string name) =>
        _atomics.TryGetValue(name, out var i) ? [i] : _bundles.TryGetValue(name, out var b) ? Bundles[b].Contents : null;
}
