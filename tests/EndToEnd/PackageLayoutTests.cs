namespace Execline.Tests.EndToEnd;

/// The tarball's shape: what it may and may not touch when extracted onto an image.
public class PackageLayoutTests
{
    static List<string> Entries() =>
        Shell.Check("/bin/tar", "-tzf", Repo.Tarball).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public void The_tarball_has_no_entry_for_a_directory_every_image_already_has()
    {
        var entries = Entries();
        foreach (var shared in new[] { "./", "./bin/", "./usr/", "./usr/bin/", "./usr/lib/", "./etc/", "./var/", "./lib/" })
            Assert.DoesNotContain(shared, entries);
        Assert.Contains("./usr/lib/execline-cs/", entries);
    }

    [Fact]
    public void Every_command_is_an_absolute_link_to_the_one_binary_from_both_bin_and_usr_bin()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        var list = Boot.Run(root, ["/usr/lib/execline-cs/execline", "--list"]);
        Assert.Equal(0, list.ExitCode);
        var names = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("execlineb", names);
        foreach (var dir in new[] { "bin", "usr/bin" })
            foreach (var name in names)
                Assert.Equal("/usr/lib/execline-cs/execline", new FileInfo(Path.Combine(Repo.Overlay, dir, name)).LinkTarget);
    }

    [Fact]
    public void The_program_is_one_native_executable_that_loads_through_the_shipped_glibc()
    {
        var dir = Path.Combine(Repo.Overlay, "usr/lib/execline-cs");
        Assert.Equal(["execline", "lib"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        var bin = Path.Combine(dir, "execline");
        Assert.Equal("/usr/lib/execline-cs/lib/ld-linux-x86-64.so.2\n", Shell.Check("patchelf", "--print-interpreter", bin).Out);
        Assert.Equal("/usr/lib/execline-cs/lib\n", Shell.Check("patchelf", "--print-rpath", bin).Out);
        Assert.Equal("libm.so.6\nlibc.so.6\nld-linux-x86-64.so.2\n", Shell.Check("patchelf", "--print-needed", bin).Out);
        Assert.Equal(["ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6"],
            Directory.GetFiles(Path.Combine(dir, "lib")).Select(Path.GetFileName).Order());
    }
}
