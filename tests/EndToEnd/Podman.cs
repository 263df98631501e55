using System.Runtime.CompilerServices;

namespace Execline.Tests.EndToEnd;

/// The real OCI engine, when ../shared/tools/podman/setup.sh has made it work here (it builds the local
/// busybox and debian:bookworm-slim images; nothing is ever pulled).
public static class Podman
{
    static readonly Lazy<string?> _unusable = new(Check);

    /// Why podman cannot be used here, or null when it can.
    public static string? Unusable => _unusable.Value;

    static string? Check()
    {
        if (!File.Exists("/usr/bin/podman")) return "podman is not installed (run ../shared/tools/podman/setup.sh)";
        foreach (var image in new[] { "busybox", "debian:bookworm-slim" })
            if (Shell.Run("podman", ["image", "exists", image]).ExitCode != 0)
                return $"the local image {image} is missing (run ../shared/tools/podman/setup.sh)";
        return null;
    }

    public static Ran Run(params string[] args) => Shell.Run("podman", args, TimeSpan.FromMinutes(5));

    /// Builds Dockerfile text in a context holding the tarball as overlay.tar.gz; returns the image's tag.
    public static string BuildWithTarball(string dockerfile)
    {
        var context = Directory.CreateTempSubdirectory("podman-context.").FullName;
        try
        {
            File.Copy(Repo.Tarball, Path.Combine(context, "overlay.tar.gz"));
            File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
            var tag = "localhost/execline-cs-test:" + Path.GetFileName(context).Replace('.', '-').ToLowerInvariant();
            var built = Run("build", "--pull=never", "-q", "-t", tag, context);
            if (built.ExitCode != 0) throw new InvalidOperationException("podman build failed: " + built.Err);
            return tag;
        }
        finally { Directory.Delete(context, true); }
    }

    public static void RemoveImage(string tag) => Run("rmi", "-f", tag);
}

/// A test that needs podman; skipped, saying why, where it cannot run.
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (Podman.Unusable is { } why) Skip = why;
    }
}
