using System.Text;

namespace Execline.Tests.EndToEnd;

/// A container's root directory on the host: a base image plus, usually, our tarball extracted onto it as
/// a user's Dockerfile would. Deleted on Dispose.
public sealed class Rootfs : IDisposable
{
    public string Path { get; }

    Rootfs(string path) => Path = path;

    /// Debian's busybox-static and nothing else: no libc, no loader, every applet a link in /bin (the
    /// shape of the busybox image), the accounts s6-overlay's images have, and the device nodes a runtime
    /// creates.
    public static Rootfs Busybox()
    {
        var r = new Rootfs(Directory.CreateTempSubdirectory("rootfs.busybox.").FullName);
        foreach (var d in new[] { "bin", "dev", "etc", "proc", "root", "run", "sys", "tmp", "var" })
            Directory.CreateDirectory(r.At(d));
        File.SetUnixFileMode(r.At("tmp"), (UnixFileMode)Convert.ToInt32("1777", 8));
        File.CreateSymbolicLink(r.At("var/run"), "../run");
        File.Copy("/bin/busybox", r.At("bin/busybox"));
        foreach (var applet in Shell.Check("/bin/busybox", "--list").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (applet != "busybox") File.CreateSymbolicLink(r.At("bin/" + applet), "busybox");
        r.Write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\n" +
                              "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        r.Write("etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n");
        r.MakeDevices();
        return r;
    }

    /// The filesystem of a local podman image (e.g. debian:bookworm-slim, whose /bin is a link to usr/bin),
    /// as `podman export` gives it; exported once per test run.
    public static Rootfs FromImage(string image)
    {
        var tar = Exports.GetOrAdd(image, i => new Lazy<string>(() => Export(i))).Value;
        var r = new Rootfs(Directory.CreateTempSubdirectory("rootfs.image.").FullName);
        Shell.Check("/bin/tar", "-xf", tar, "-C", r.Path);
        r.MakeDevices();
        return r;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Exports = new();

    static string Export(string image)
    {
        var tar = System.IO.Path.Combine(Directory.CreateTempSubdirectory("image.").FullName, "rootfs.tar");
        var id = Shell.Check("podman", "create", "--pull=never", image, "true").Out.Trim();
        try { Shell.Check("podman", "export", "-o", tar, id); }
        finally { Shell.Run("podman", ["rm", "-f", id]); }
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

    void MakeDevices()
    {
        Directory.CreateDirectory(At("dev"));
        foreach (var (name, major, minor) in new[] { ("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8),
                     ("urandom", 1, 9), ("tty", 5, 0) })
        {
            if (File.Exists(At("dev/" + name))) File.Delete(At("dev/" + name));
            Shell.Check("/bin/mknod", "-m", "666", At("dev/" + name), "c", major.ToString(), minor.ToString());
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
