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
    public void Every_command_is_a_hard_link_to_the_one_program_in_bin_usr_bin_and_command()
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
        foreach (var name in new[] { "./bin/execlineb", "./usr/bin/execlineb", "./bin/s6-svscan", "./usr/bin/s6-svscan",
                     "./command/execlineb", "./command/s6-rc" })
            Assert.Single(lines, l => l.StartsWith('h') && l.EndsWith($" {name} link to ./usr/lib/execline-cs/execline"));
        // Symbolic links only where s6-overlay v3 has them: its packages' version-less names and /command's
        // helper scripts, which live in the package.
        foreach (var link in lines.Where(l => l.StartsWith('l')))
            Assert.Matches(@" \./(package/admin/([a-z0-9-]+?) -> \2-[0-9.]+|command/([^/ ]+) -> \.\./package/admin/s6-overlay/command/\3)$", link);
        Assert.Single(lines, l => l.StartsWith('l') && l.EndsWith(" ./package/admin/s6-overlay -> s6-overlay-3.2.3.2"));
    }

    /// Some images call a command by its skaware package's path, as v3's tarballs install them.
    [Fact]
    public void Each_command_is_also_in_its_skaware_package_directory_behind_the_version_less_link_v3_has()
    {
        var lines = Shell.Check("/bin/tar", "-tvzf", Repo.Tarball).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (package, version, name) in new[] { ("execline", "2.9.9.2", "execlineb"), ("s6", "2.15.1.0", "s6-svc"),
                     ("s6-rc", "0.7.0.0", "s6-rc"), ("s6-portable-utils", "2.3.1.2", "s6-echo"),
                     ("s6-linux-utils", "2.6.4.1", "s6-chroot"), ("s6-overlay-helpers", "0.1.2.2", "s6-overlay-suexec") })
        {
            Assert.Single(lines, l => l.StartsWith('l') && l.EndsWith($" ./package/admin/{package} -> {package}-{version}"));
            Assert.Single(lines, l => l.StartsWith('h')
                && l.EndsWith($" ./package/admin/{package}-{version}/command/{name} link to ./usr/lib/execline-cs/execline"));
        }
        // a command of upstream's package that we do not provide gets no link
        Assert.DoesNotContain(lines, l => l.Contains("/command/s6-sudod"));
    }

    /// s6-overlay v3's tree (spec §1.2): the package with its version-less link, the system service sources,
    /// and the user's service tree and user bundles, empty, for images that fill them.
    [Fact]
    public void The_tarball_lays_out_s6_overlay_v3s_package_and_user_service_tree()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        Assert.Equal("s6-overlay-3.2.3.2", new FileInfo(root.At("package/admin/s6-overlay")).LinkTarget);
        Assert.Empty(Directory.GetFileSystemEntries(root.At("etc/s6-overlay/s6-rc.d")));
        foreach (var bundle in new[] { "user", "user2" })
        {
            Assert.Equal("bundle\n", File.ReadAllText(root.At($"etc/s6-overlay/user-bundles.d/{bundle}/type")));
            Assert.Empty(Directory.GetFileSystemEntries(root.At($"etc/s6-overlay/user-bundles.d/{bundle}/contents.d")));
        }
        var sources = root.At("package/admin/s6-overlay/etc/s6-rc/sources");
        Assert.Equal(["base", "fix-attrs", "legacy-cont-init", "legacy-services", "top"],
            Directory.GetDirectories(sources).Select(Path.GetFileName).Order());
        Assert.Equal(["base", "legacy-services", "user", "user2"],
            Directory.GetFiles(Path.Combine(sources, "top/contents.d")).Select(Path.GetFileName).Order());
        Assert.Equal("/package/admin/s6-overlay-3.2.3.2/etc/s6-rc/scripts/cont-init\n",
            File.ReadAllText(Path.Combine(sources, "legacy-cont-init/up")));
        foreach (var script in new[] { "libexec/preinit", "libexec/stage0", "etc/s6-linux-init/skel/rc.init",
                     "etc/s6-rc/scripts/cont-init", "etc/s6-rc/scripts/services-up" })
            Assert.True(File.Exists(root.At("package/admin/s6-overlay-3.2.3.2/" + script)), script);
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
    /// Every command at /bin/NAME, /usr/bin/NAME and /command/NAME (s6-overlay v3's) of an installed image
    /// is the program's own inode: a regular file, mode 0755 (/bin may be a link to usr/bin, when both
    /// names are one file).
    public static void AssertCommandsAreTheProgram(Rootfs root)
    {
        var names = Shell.Check(Path.Combine(Repo.Root, "out/local/usr/lib/execline-cs/execline"), "--list").Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("execlineb", names);
        var paths = new List<string> { root.At("usr/lib/execline-cs/execline") };
        foreach (var dir in new[] { "bin", "usr/bin", "command" })
            paths.AddRange(names.Select(n => root.At(dir + "/" + n)));
        var stats = Shell.Check("/usr/bin/stat", ["-c", "%i %a %F", .. paths]).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paths.Count, stats.Length);
        var inode = stats[0].Split(' ')[0];
        for (var i = 0; i < paths.Count; i++) Assert.Equal($"{inode} 755 regular file {paths[i]}", stats[i] + " " + paths[i]);
    }
}
