using System.Text;

namespace Execline.Tests.EndToEnd;

/// A container's root directory on the host: a base image plus, usually, our tarball extracted onto it as
/// a user's Dockerfile would. Deleted on Dispose.
public sealed class Rootfs : IDisposable
{
    public string Path { get; }

    /// An image's root is 0755, as processes of other users (a logger running as nobody) need it to be;
    /// a temporary directory starts as 0700.
    Rootfs(string path)
    {
        Path = path;
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    /// Debian's busybox-static alone, as scripts/busybox-rootfs.sh lays it out (the busybox image's shape).
    public static Rootfs Busybox()
    {
        var r = new Rootfs(Directory.CreateTempSubdirectory("rootfs.busybox.").FullName);
        Shell.Check("/bin/bash", System.IO.Path.Combine(Repo.Root, "scripts/busybox-rootfs.sh"), r.Path);
        return r;
    }

    /// The filesystem of a local podman image (e.g. debian:bookworm-slim, whose /bin is a link to usr/bin),
    /// as `podman export` gives it; exported once per image id into out/images.
    public static Rootfs FromImage(string image)
    {
        var tar = Exports.GetOrAdd(image, i => new Lazy<string>(() => Export(i))).Value;
        var r = new Rootfs(Directory.CreateTempSubdirectory("rootfs.image.").FullName);
        Shell.Check("/bin/tar", "-xf", tar, "-C", r.Path);
        return r;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Exports = new();

    static string Export(string image)
    {
        var id = Shell.Check("podman", "image", "inspect", "--format", "{{.Id}}", image).Out.Trim();
        var tar = System.IO.Path.Combine(Repo.Root, "out/images", id + ".tar");
        if (File.Exists(tar)) return tar;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(tar)!);
        var container = Shell.Check("podman", "create", "--pull=never", image, "true").Out.Trim();
        try { Shell.Check("podman", "export", "-o", tar + ".part", container); }
        finally { Shell.Run("podman", ["rm", "-f", container]); }
        File.Move(tar + ".part", tar);
        return tar;
    }

    /// Extracts out/execline-cs-x86_64.tar.gz onto / the way s6-overlay's install instructions do.
    public Rootfs WithOverlay()
    {
        Shell.Check("/bin/tar", "-xzf", Repo.Tarball, "-C", Path);
        return this;
    }

    public string At(string relative) => System.IO.Path.Combine(Path, relative.TrimStart('/'));

    /// Writes a file with its bytes as given (Latin-1: one char per byte), creating its directory.
    public void Write(string relative, string content, string mode = "644")
    {
        var path = At(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(content));
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
