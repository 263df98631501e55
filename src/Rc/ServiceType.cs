namespace Execline.Rc;

public enum ServiceType
{
    /// A name seen in a list (dependencies, contents, ...) whose definition has not been read.
    Undefined,
    Oneshot,
    Longrun,
    Bundle,
}

[Flags]
public enum ServiceFlags : uint
{
    None = 0,
    /// flag-essential: `s6-rc -d` leaves it up (only -D stops it).
    Essential = 1,
    /// flag-recommended: recorded for s6-rc's repository tools, no effect on a transition.
    Recommended = 2,
}

public static class ServiceTypes
{
    /// The word s6-rc prints for a type ("unknown" for a name never defined).
    public static string Word(this ServiceType type) => type switch
    {
        ServiceType.Oneshot => "oneshot",
        ServiceType.Longrun => "longrun",
        ServiceType.Bundle => "bundle",
        _ => "unknown",
    };
}

/// The two longruns every database has, before any of the sources' (s6-rc gives them indices 0 and 1).
public static class InternalServices
{
    /// Every oneshot depends on it: s6-rc runs the scripts through it, and they run in its directory.
    public const string OneshotRunner = "s6rc-oneshot-runner";
    /// Every pipelined longrun depends on it: it holds the pipes between producers and consumers.
    public const string FdHolder = "s6rc-fdholder";
}
