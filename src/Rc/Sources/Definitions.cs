using Execline.Rc.Database;

namespace Execline.Rc.Sources;

/// What one service definition directory says, before any name in it is resolved.
abstract class Definition(string name, DefinitionFiles? files)
{
    public string Name { get; } = name;
    /// The definition directory it was read from (null for s6-rc-compile's own definitions).
    public DefinitionFiles? Files { get; } = files;
    public ServiceFlags Flags { get; set; }
}

abstract class AtomicDefinition(string name, DefinitionFiles? files) : Definition(name, files)
{
    /// Direct dependencies by name, in the order read, the implicit ones last.
    public List<string> Dependencies { get; } = [];
    public uint TimeoutUp { get; set; }
    public uint TimeoutDown { get; set; }
}

sealed class OneshotDefinition(string name, DefinitionFiles files) : AtomicDefinition(name, files)
{
    public OneshotScripts Scripts { get; set; } = new([], [], []);
}

sealed class LongrunDefinition(string name, DefinitionFiles? files) : AtomicDefinition(name, files)
{
    /// The longrun its stdout feeds (producer-for).
    public string? Consumer { get; set; }
    /// The longruns it reads from (consumer-for), the first one moved last when it ends its pipeline,
    /// as s6-rc-compile stores them.
    public List<string> Producers { get; } = [];
    /// The bundle to name its pipeline after (pipeline-name, honoured on a last consumer only).
    public string? PipelineName { get; set; }
}

sealed class BundleDefinition(string name, DefinitionFiles? files) : Definition(name, files)
{
    public List<string> Contents { get; } = [];
}
