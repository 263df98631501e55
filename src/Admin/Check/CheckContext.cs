namespace Execline.Admin.Check;

/// What every check reads: the image, the environment its init would get (this process's own, with the
/// --env pairs over it), the image's PATH when known, and the commands of ours.
sealed class CheckContext(ImageRoot root, IReadOnlyDictionary<string, string> environment, string? imagePath, OurCommands ours)
{
    public ImageRoot Root { get; } = root;
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;
    public OurCommands Ours { get; } = ours;
    public List<Finding> Findings { get; } = [];

    /// /command:/usr/bin:/bin, where s6-overlay's scripts and services find programs, then the image's PATH.
    public IReadOnlyList<string> Path { get; } =
        ((string[])["/command", "/usr/bin", "/bin", .. (imagePath ?? "").Split(':').Where(d => d.StartsWith('/'))]).Distinct().ToList();

    public void Add(Finding f) => Findings.Add(f);
}
