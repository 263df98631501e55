using Execline.Rc.Database;

namespace Execline.Rc.Sources;

/// What one service definition directory says, before any name in it is resolved.
abstract class Definition(string name, string? sourceDir)
{
    public string Name { get; } = name;
    /// The source directory it was read in (null for s6-rc-compile's own definitions).
    public string? SourceDir { get; } = sourceDir;
    public ServiceFlags Flags { get; set; }
}

abstract class AtomicDefinition(string name, string? sourceDir) : Definition(name, sourceDir)
{
    /// Direct dependencies by name, in the order read, the implicit ones last.
    public List<string> Dependencies { get; } = [];
    public uint TimeoutUp { get; set; }
    public uint TimeoutDown { get; set; }
}

sealed class OneshotDefinition(string name, string sourceDir) : AtomicDefinition(name, sourceDir)
{
    public OneshotScripts Scripts { get; set; } = new([], [], []);
}

sealed class LongrunDefinition(string name, string? sourceDir) : AtomicDefinition(name, sourceDir)
{
    /// The longrun its stdout feeds (producer-for).
    public string? Consumer { get; set; }
    /// The longruns it reads from (consumer-for), the first one moved last when it ends its pipeline,
    /// as s6-rc-compile stores them.
    public List<string> Producers { get; } = [];
    /// The bundle to name its pipeline after (pipeline-name, honoured on a last consumer only).
    public string? PipelineName { get; set; }
}

sealed class BundleDefinition(string name, string? sourceDir) : Definition(name, sourceDir)
{
    public List<string> Contents { get; } = [];
}
