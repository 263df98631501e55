namespace Execline.Admin.Check;

/// A file the init runs, as a path inside the image: whether it is execline text whatever its first line
/// says (s6-rc's up and down), and whether it is exec'd, so needs an execute bit.
sealed record InitScript(string Path, bool AlwaysExecline, bool Executed);

/// Every script an s6-overlay init (v2 or v3) would run from an image: services.d's run, finish and
/// log/run, cont-init.d and cont-finish.d, the s6-rc source definitions' up, down, run and finish, and
/// v3's /etc/s6-overlay/scripts.
static class InitScripts
{
    public const string RcSources = "/etc/s6-overlay/s6-rc.d";

    public static IEnumerable<InitScript> In(ImageRoot root)
    {
        foreach (var service in root.List("/etc/services.d"))
            foreach (var file in (string[])["run", "finish", "log/run"])
                if (Present(root, $"/etc/services.d/{service}/{file}") is { } path) yield return new(path, false, true);
        foreach (var dir in (string[])["/etc/cont-init.d", "/etc/cont-finish.d"])
            foreach (var name in root.List(dir))
                yield return new($"{dir}/{name}", false, true);
        foreach (var service in root.List(RcSources))
        {
            foreach (var file in (string[])["up", "down"])
                if (Present(root, $"{RcSources}/{service}/{file}") is { } path) yield return new(path, true, false);
            foreach (var file in (string[])["run", "finish"])
                if (Present(root, $"{RcSources}/{service}/{file}") is { } path) yield return new(path, false, true);
        }
        foreach (var name in root.List("/etc/s6-overlay/scripts"))
            yield return new($"/etc/s6-overlay/scripts/{name}", false, true);
    }

    static string? Present(ImageRoot root, string path) => root.Resolve(path) != null ? path : null;
}
