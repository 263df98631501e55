namespace Execline.Tests.EndToEnd;

/// Where the published distribution is: scripts/publish.sh writes out/overlay (the tree as installed) and
/// the tarball built from it.
public static class Repo
{
    public static readonly string Root = FindRoot();
    public static string Overlay => Path.Combine(Root, "out/overlay");
    public static string Tarball => Require(Path.Combine(Root, "out/execline-cs-x86_64.tar.gz"));

    static string FindRoot()
    {
        var d = AppContext.BaseDirectory;
        while (d != null && !File.Exists(Path.Combine(d, "Execline.sln"))) d = Path.GetDirectoryName(d);
        return d ?? throw new InvalidOperationException("Execline.sln not found above " + AppContext.BaseDirectory);
    }

    static string Require(string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException(path + " does not exist: run scripts/publish.sh first");
}
