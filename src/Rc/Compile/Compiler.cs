using Execline.Rc.Database;
using Execline.Rc.Sources;

namespace Execline.Rc.Compile;

/// A database compiled from source directories, and the definition directory of each longrun (its service
/// directory is made from that directory's files; null for s6-rc's internal ones).
public sealed record CompiledSources(ServiceDatabase Database, IReadOnlyList<DefinitionFiles?> LongrunDefinitions);

public static class Compiler
{
    /// Reads every source directory in turn and resolves what they define into one database, or throws
    /// the RcError s6-rc-compile would die with. Nothing is written.
    public static CompiledSources Compile(IReadOnlyList<string> sources, CompileLog log)
    {
        var set = new SourceSet(log);
        foreach (var source in sources) set.Add(source);
        PipelineBundles.Add(set);
        var db = new Resolver(set).Resolve();
        return new CompiledSources(db, set.Longruns.Select(l => l.Files).ToList());
    }
}
