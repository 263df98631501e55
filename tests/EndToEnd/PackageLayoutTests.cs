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

    /// Build-time tests of real images (goss) check that /bin/execlineb and the other commands are regular
    /// executable files, as s6-overlay ships them: here each is a hard link to the one program, so no command
    /// costs space.
    [Fact]
    public void Every_command_is_a_hard_link_to_the_one_program_in_both_bin_and_usr_bin()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        Installed.AssertCommandsAreTheProgram(root);
    }

    [Fact]
    public void The_tarball_holds_the_program_once_and_every_command_as_a_hard_link_to_it()
    {
        var lines = Shell.Check("/bin/tar", "-tvzf", Repo.Tarball).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var program = Assert.Single(lines, l => l.Contains("./usr/lib/execline-cs/execline") && !l.Contains(" link to "));
        Assert.StartsWith("-rwxr-xr-x ", program);
        Assert.EndsWith(" ./usr/lib/execline-cs/execline", program);
        foreach (var name in new[] { "./bin/execlineb", "./usr/bin/execlineb", "./bin/s6-svscan", "./usr/bin/s6-svscan" })
            Assert.Single(lines, l => l.StartsWith('h') && l.EndsWith($" {name} link to ./usr/lib/execline-cs/execline"));
        // s6-overlay v3's /command helpers and /package/admin/s6-overlay are symbolic links, as in its tarballs
        Assert.DoesNotContain(lines, l => l.StartsWith('l') && !l.Contains(" ./command/") && !l.Contains(" ./package/admin/s6-overlay -> "));
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

/// What an installed image must hold.
public static class Installed
{
    /// Every command at /bin/NAME and /usr/bin/NAME of an installed image is the program's own inode: a
    /// regular file, mode 0755 (/bin may be a link to usr/bin, when both names are one file).
    public static void AssertCommandsAreTheProgram(Rootfs root)
    {
        var names = Shell.Check(Path.Combine(Repo.Root, "out/local/usr/lib/execline-cs/execline"), "--list").Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("execlineb", names);
        var paths = new List<string> { root.At("usr/lib/execline-cs/execline") };
        foreach (var dir in new[] { "bin", "usr/bin" })
            paths.AddRange(names.Select(n => root.At(dir + "/" + n)));
        var stats = Shell.Check("/usr/bin/stat", ["-c", "%i %a %F", .. paths]).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paths.Count, stats.Length);
        var inode = stats[0].Split(' ')[0];
        for (var i = 0; i < paths.Count; i++) Assert.Equal($"{inode} 755 regular file {paths[i]}", stats[i] + " " + paths[i]);
    }
}
