using Execline.Rc.Sources;

namespace Execline.Rc.Compile;

/// The bundle a last consumer's pipeline-name asks for: every longrun of the pipeline that ends there,
/// found by walking the producers back from it. Made before any name is resolved, so a producer that is
/// not a longrun, or a pipeline that loops, is found here first.
static class PipelineBundles
{
    public static void Add(SourceSet set)
    {
        set.Log.Phase("making bundles for pipelines");
        for (int i = set.Longruns.Count - 1; i >= 0; i--)
        {
            var last = set.Longruns[i];
            if (last.PipelineName is not { } pipeline) continue;
            set.Log.Detail($"creating bundle for pipeline {pipeline}");
            set.Names.Define(NameTable.Internals, pipeline, ServiceType.Bundle, set.Bundles.Count);
            var bundle = new BundleDefinition(pipeline, null);
            Walk(set, bundle, last.Name);
            set.Bundles.Add(bundle);
        }
    }

    /// Adds name to the bundle when it is a longrun, then its producers; gives its type.
    static ServiceType Walk(SourceSet set, BundleDefinition bundle, string name)
    {
        var entry = set.Names.Find(name)!;
        if (entry.Type != ServiceType.Longrun) return entry.Type;
        if (bundle.Contents.Count >= set.Longruns.Count)
            throw new RcError(1, $"pipeline {bundle.Name} is too long: possible loop involving {name}");
        bundle.Contents.Add(name);
        foreach (var producer in set.Longruns[entry.Index].Producers)
        {
            var type = Walk(set, bundle, producer);
            if (type != ServiceType.Longrun)
                throw new RcError(1, $"longrun {name} declares a producer {producer} of type {type.Word()}");
        }
        return ServiceType.Longrun;
    }
}
