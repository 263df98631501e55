namespace Execline.Rc.Sources;

/// Every definition read from the source directories, in s6-rc-compile's order: its two internal longruns
/// first, then each source in the order given, and inside one its service directories sorted by name
/// (bytes). Each list's order gives the definitions their indices.
sealed class SourceSet
{
    public NameTable Names { get; } = new();
    public List<LongrunDefinition> Longruns { get; } = [];
    public List<OneshotDefinition> Oneshots { get; } = [];
    public List<BundleDefinition> Bundles { get; } = [];
    public CompileLog Log { get; }

    public SourceSet(CompileLog log)
    {
        Log = log;
        foreach (var name in (string[])[InternalServices.OneshotRunner, InternalServices.FdHolder])
        {
            Names.DefineInternal(NameTable.Internals, name, ServiceType.Longrun, Longruns.Count);
            Longruns.Add(new LongrunDefinition(name, null) { Flags = ServiceFlags.Essential });
        }
    }

    /// Reads every service directory of srcdir: its subdirectories (or links to some) not starting with
    /// a dot. Any other entry is skipped, but its name must still be neither reserved nor hold a newline.
    public void Add(string srcdir)
    {
        var entries = Disk.List(srcdir, out int errno) ?? throw new RcError(111, $"unable to opendir {srcdir}", errno);
        Log.Phase($"adding sources from {srcdir}");
        var services = new List<string>();
        foreach (var name in entries)
        {
            if (name.StartsWith('.')) continue;
            if (name.Contains('\n')) throw new RcError(1, $"subdirectory of {srcdir} contains a newline character");
            NameTable.CheckNotReserved(srcdir, name);
            var isDir = Disk.IsDirectory($"{srcdir}/{name}", out errno)
                ?? throw new RcError(111, $"unable to stat {srcdir}/{name}", errno);
            if (isDir) services.Add(name);
        }
        if (services.Count == 0)
        {
            Log.Warn($"source {srcdir} is empty");
            return;
        }
        services.Sort(StringComparer.Ordinal);
        foreach (var name in services) new ServiceDirectory(this, srcdir, name).Read();
    }
}
