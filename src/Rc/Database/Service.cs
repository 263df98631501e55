namespace Execline.Rc.Database;

/// An atomic service of a compiled database: a longrun or a oneshot, at its index (longruns come first,
/// as in s6-rc's databases, so every index s6-rc would print or order by is the same here).
public sealed class Service
{
    public required string Name { get; init; }
    public required ServiceType Type { get; init; }
    public required ServiceFlags Flags { get; init; }
    /// Milliseconds a transition may take, 0 for no limit.
    public required uint TimeoutUp { get; init; }
    public required uint TimeoutDown { get; init; }
    /// Direct dependencies (bundles expanded, implicit ones included), ascending indices.
    public required int[] Dependencies { get; init; }
    /// The services that depend directly on this one, ascending indices.
    public int[] Dependents { get; internal set; } = [];
    /// Longruns: the service its stdout feeds, or -1.
    public int Consumer { get; init; } = -1;
    /// Longruns: the services whose stdout is its stdin, in s6-rc-compile's order (the first one named in
    /// consumer-for comes last when this service is the end of its pipeline).
    public int[] Producers { get; init; } = [];
    /// Oneshots: the up, down and reload command lines.
    public OneshotScripts? Scripts { get; init; }

    public bool IsEssential => (Flags & ServiceFlags.Essential) != 0;
}

/// A oneshot's command lines as execlineb's lexer reads them (blocks encoded by leading spaces and an
/// empty-ish terminator word), parsed when the database is compiled. An absent file is an empty line,
/// which succeeds at once.
public sealed record OneshotScripts(IReadOnlyList<string> Up, IReadOnlyList<string> Down, IReadOnlyList<string> Reload)
{
    public IReadOnlyList<string> For(bool up) => up ? Up : Down;
}

/// A bundle: a name for a set of atomic services (nested bundles expanded), ascending indices.
public sealed record Bundle(string Name, int[] Contents);
