using Execline.Rc.Database;
using Execline.Rc.Sources;

namespace Execline.Rc.Compile;

/// A database compiled from source directories, and where each longrun was defined (its service
/// directory is made from that definition directory's files).
public sealed record CompiledSources(ServiceDatabase Database, IReadOnlyList<string?> LongrunSources)
{
    /// SRC/NAME of longrun i, null for s6-rc's internal ones.
    public string? DefinitionDirectory(int i) =>
        LongrunSources[i] is { } src ? $"{src}/{Database.Services[i].Name}" : null;
}

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
        return new CompiledSources(db, set.Longruns.Select(l => l.SourceDir).ToList());
    }
}
