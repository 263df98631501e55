using Execline.Rc.Database;
using Execline.Rc.Graph;
using Execline.Rc.Sources;

namespace Execline.Rc.Compile;

/// Turns the definitions' names into indices, in s6-rc-compile's order so that the first problem found
/// is the one it reports: bundles (each expanded to atomic services), then every longrun's pipeline
/// declarations and dependencies, then every oneshot's dependencies, then the checks of the whole graph.
sealed class Resolver(SourceSet set)
{
    int LongrunCount => set.Longruns.Count;
    ServiceFlags[] _inheritedFlags = [];

    public ServiceDatabase Resolve()
    {
        var bundles = ResolveBundles();
        _inheritedFlags = InheritedFlags(bundles);
        set.Log.Phase("resolving service names");
        var services = new List<Service>();
        for (int i = 0; i < set.Longruns.Count; i++) services.Add(ResolveLongrun(i, bundles));
        for (int j = 0; j < set.Oneshots.Count; j++)
        {
            var oneshot = set.Oneshots[j];
            services.Add(MakeService(LongrunCount + j, oneshot, ServiceType.Oneshot, ResolveDependencies(oneshot, bundles)));
        }
        set.Log.Detail("converting service dependency array");
        var db = new ServiceDatabase(services, LongrunCount, bundles);
        set.Log.Detail("checking database correctness");
        if (db.Graph.FindCycle() is var (from, involving))
            throw Error($"cyclic service dependency reached from {services[from].Name} and involving {services[involving].Name}");
        if (PipelineCheck.Find(services, LongrunCount) is var (kind, left, right))
        {
            string what = kind == PipelineProblem.Cycle ? "cyclic longrun pipeline" : "longrun pipeline collision";
            throw Error($"{what} reached from {services[left].Name} and involving {services[right].Name}");
        }
        return db;
    }

    /// A problem in the sources: s6-rc-compile exits 1.
    static RcError Error(string text) => new(1, text);

    /// The atomic index of a defined longrun or oneshot.
    int Atomic(NameTable.Entry e) => e.Type == ServiceType.Longrun ? e.Index : LongrunCount + e.Index;

    List<Bundle> ResolveBundles()
    {
        set.Log.Phase("resolving bundle names");
        var contents = new SortedSet<int>?[set.Bundles.Count];
        var resolving = new bool[set.Bundles.Count];
        for (int i = 0; i < set.Bundles.Count; i++) ResolveBundle(i, i, contents, resolving);
        set.Log.Detail("converting bundle array");
        return set.Bundles.Select((b, i) => new Bundle(b.Name, contents[i]!.ToArray())).ToList();
    }

    /// Expands bundle i (reached while expanding bundle source), nested bundles first.
    void ResolveBundle(int i, int source, SortedSet<int>?[] contents, bool[] resolving)
    {
        if (contents[i] != null) return;
        var me = set.Bundles[i];
        if (resolving[i])
            throw Error($"cyclic bundle definition: resolution of {set.Bundles[source].Name} encountered a cycle involving {me.Name}");
        resolving[i] = true;
        var atomics = new SortedSet<int>();
        foreach (var member in me.Contents)
        {
            var e = set.Names.Find(member)!;
            switch (e.Type)
            {
                case ServiceType.Oneshot or ServiceType.Longrun: atomics.Add(Atomic(e)); break;
                case ServiceType.Bundle:
                    ResolveBundle(e.Index, source, contents, resolving);
                    atomics.UnionWith(contents[e.Index]!);
                    break;
                default: throw Error($"during resolution of bundle {me.Name}: undefined service name {member}");
            }
        }
        contents[i] = atomics;
    }

    Service ResolveLongrun(int n, List<Bundle> bundles)
    {
        var me = set.Longruns[n];
        int consumer = me.Consumer is { } name ? ResolveConsumer(n, name) : -1;
        var producers = me.Producers.Select(p => ResolveProducer(n, p)).ToArray();
        return MakeService(n, me, ServiceType.Longrun, ResolveDependencies(me, bundles), consumer, producers);
    }

    /// The longrun that longrun n feeds, which must name n among its producers.
    int ResolveConsumer(int n, string name)
    {
        string me = set.Longruns[n].Name;
        var c = set.Names.Find(name)!;
        if (c.Type != ServiceType.Longrun)
            throw Error($"longrun service {me} declares being a producer for a service named {name} of type {c.Type.Word()}");
        foreach (var p in set.Longruns[c.Index].Producers)
        {
            var q = set.Names.Find(p)!;
            if (q.Type != ServiceType.Longrun) throw Error($"longrun service {name} declares a consumer {p} of type {q.Type.Word()}");
            if (q.Index == n) return c.Index;
        }
        throw Error($"longrun service {me} declares being a producer for a service named {name} that does not declare it back");
    }

    /// A longrun that feeds longrun n, which must name n as its consumer.
    int ResolveProducer(int n, string name)
    {
        string me = set.Longruns[n].Name;
        var p = set.Names.Find(name)!;
        if (p.Type != ServiceType.Longrun)
            throw Error($"longrun service {me} declares being the consumer for a service named {name} of type {p.Type.Word()}");
        // a producer that declares no consumer reads, in s6-rc-compile, as one feeding the first name it
        // knows (its oneshot runner): a mismatch all the same
        string theirs = set.Longruns[p.Index].Consumer ?? InternalServices.OneshotRunner;
        var q = set.Names.Find(theirs)!;
        if (q.Type != ServiceType.Longrun) throw Error($"longrun service {name} declares a producer {theirs} of type {q.Type.Word()}");
        if (q.Index != n)
            throw Error($"longrun service {me} declares being the consumer for a service named {name} that does not declare it back");
        return p.Index;
    }

    /// A bundle's flags go to every service it stands for.
    ServiceFlags[] InheritedFlags(List<Bundle> bundles)
    {
        var flags = new ServiceFlags[LongrunCount + set.Oneshots.Count];
        for (int b = 0; b < bundles.Count; b++)
            foreach (var i in bundles[b].Contents) flags[i] |= set.Bundles[b].Flags;
        return flags;
    }

    Service MakeService(int index, AtomicDefinition me, ServiceType type, int[] dependencies,
        int consumer = -1, int[]? producers = null) =>
        new()
        {
            Name = me.Name,
            Type = type,
            Flags = me.Flags | _inheritedFlags[index],
            TimeoutUp = me.TimeoutUp,
            TimeoutDown = me.TimeoutDown,
            Dependencies = dependencies,
            Consumer = consumer,
            Producers = producers ?? [],
            Scripts = (me as OneshotDefinition)?.Scripts,
        };

    int[] ResolveDependencies(AtomicDefinition me, List<Bundle> bundles)
    {
        var deps = new SortedSet<int>();
        foreach (var name in me.Dependencies)
        {
            var e = set.Names.Find(name)!;
            switch (e.Type)
            {
                case ServiceType.Oneshot or ServiceType.Longrun: deps.Add(Atomic(e)); break;
                case ServiceType.Bundle: deps.UnionWith(bundles[e.Index].Contents); break;
                default: throw Error($"during dependency resolution for service {me.Name}: undefined service name {name}");
            }
        }
        return deps.ToArray();
    }
}
