using System.Text;

namespace Execline.Tests.EndToEnd;

/// Our execlineb, from the tarball extracted onto an image, run as PID 1 of a fresh PID namespace.
public class RootfsBootTests
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// Two scripts reached through both v2 shebang paths; the first hands the second arguments that are not
    /// UTF-8, which must arrive as the same bytes.
    static void WriteByteScripts(Rootfs root)
    {
        root.Write("/first", "#!/bin/execlineb -P\nexport V caf\xe9\n/second \xff\xfe \"a b\xc3(\"\n", "755");
        root.Write("/second", "#!/usr/bin/execlineb -S2\nimportas V V\necho $# $1 $2 $V\n", "755");
    }

    static void AssertBytes(string expected, Ran r)
    {
        Assert.False(r.TimedOut, "timed out");
        Assert.Equal("", r.Err);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Encoding.Latin1.GetBytes(expected), r.Stdout);
    }

    [Fact]
    public void Execlineb_runs_as_pid_1_in_a_busybox_image_that_has_no_libc()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        Assert.False(File.Exists(root.At("lib/x86_64-linux-gnu/libc.so.6")) || Directory.Exists(root.At("lib64")));
        var r = Boot.Run(root, ["/bin/execlineb", "-c", "getpid P importas P P echo pid $P"], timeout: Limit);
        AssertBytes("pid 1\n", r);
    }

    [Fact]
    public void Non_utf8_arguments_and_environment_pass_unchanged_in_a_busybox_image()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        WriteByteScripts(root);
        AssertBytes("2 \xff\xfe a b\xc3( caf\xe9\n", Boot.Run(root, ["/first"], timeout: Limit));
    }

    [Fact]
    public void Busybox_tar_inside_the_image_installs_the_tarball()
    {
        using var root = Rootfs.Busybox();
        File.Copy(Repo.Tarball, root.At("tmp/overlay.tar.gz"));
        var untar = Boot.Run(root, ["/bin/tar", "-xzf", "/tmp/overlay.tar.gz", "-C", "/"], timeout: Limit);
        Assert.Equal("", untar.Err);
        Assert.Equal(0, untar.ExitCode);
        AssertBytes("installed by busybox tar\n",
            Boot.Run(root, ["/usr/bin/execlineb", "-c", "echo installed by busybox tar"], timeout: Limit));
        Installed.AssertCommandsAreTheProgram(root);
    }

    /// Where /bin is a link to usr/bin, bin/NAME and usr/bin/NAME of the tarball are one path. busybox tar
    /// makes every link last, and the first one it finds already there stops it with 1 (s6-overlay's tarball
    /// fares the same): by then everything is in place, bin/NAME having made each usr/bin/NAME.
    [Fact]
    public void Busybox_tar_onto_a_usrmerged_image_installs_everything_and_bin_stays_a_link()
    {
        using var root = Rootfs.Busybox();
        Directory.CreateDirectory(root.At("usr"));
        Directory.Move(root.At("bin"), root.At("usr/bin"));
        File.CreateSymbolicLink(root.At("bin"), "usr/bin");
        File.Copy(Repo.Tarball, root.At("tmp/overlay.tar.gz"));
        var untar = Boot.Run(root, ["/bin/tar", "-xzf", "/tmp/overlay.tar.gz", "-C", "/"], timeout: Limit);
        Assert.StartsWith("tar: can't create hardlink './usr/bin/background' to './usr/lib/execline-cs/execline'", untar.Err);
        Assert.Single(untar.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, untar.ExitCode);
        Assert.Equal("usr/bin", new FileInfo(root.At("bin")).LinkTarget);
        Installed.AssertCommandsAreTheProgram(root);
        AssertBytes("installed by busybox tar\n",
            Boot.Run(root, ["/bin/execlineb", "-c", "echo installed by busybox tar"], timeout: Limit));
    }

    [PodmanFact] // the Debian rootfs is exported from the local podman image
    public void In_a_usrmerged_debian_image_bin_stays_a_link_to_usr_bin_and_both_shebangs_work()
    {
        using var root = Rootfs.FromImage("debian:bookworm-slim");
        Assert.Equal("usr/bin", new FileInfo(root.At("bin")).LinkTarget);
        root.WithOverlay();
        Assert.Equal("usr/bin", new FileInfo(root.At("bin")).LinkTarget);
        Assert.Equal("usr/lib", new FileInfo(root.At("lib")).LinkTarget);
        Installed.AssertCommandsAreTheProgram(root);
        WriteByteScripts(root);
        AssertBytes("2 \xff\xfe a b\xc3( caf\xe9\n", Boot.Run(root, ["/first"], timeout: Limit));
        AssertBytes("the image's sh still works\n",
            Boot.Run(root, ["/bin/sh", "-c", "echo \"the image's sh still works\""], timeout: Limit));
    }

    [PodmanFact] // the Debian rootfs is exported from the local podman image
    public void In_a_debian_image_only_the_shipped_loader_and_libraries_are_mapped()
    {
        using var root = Rootfs.FromImage("debian:bookworm-slim").WithOverlay();
        var r = Boot.Run(root, ["/bin/execlineb", "-c", "redirfd -r 0 /proc/self/maps withstdinas M importas M M echo $M"],
            timeout: Limit);
        Assert.Equal(0, r.ExitCode);
        var libraries = r.Out.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 6 && f[5].Contains(".so")).Select(f => f[5]).Distinct().Order().ToList();
        Assert.Contains("/usr/lib/execline-cs/lib/libc.so.6", libraries);
        Assert.Contains("/usr/lib/execline-cs/lib/ld-linux-x86-64.so.2", libraries);
        Assert.All(libraries, l => Assert.StartsWith("/usr/lib/execline-cs/", l));
    }

    [Fact]
    public void An_images_own_libraries_are_never_loaded_even_on_LD_LIBRARY_PATH()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        foreach (var dir in new[] { "lib", "lib/x86_64-linux-gnu", "usr/lib/x86_64-linux-gnu" })
            foreach (var lib in new[] { "libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libdl.so.2", "libpthread.so.0", "librt.so.1" })
                root.Write($"{dir}/{lib}", "not a library\n", "755");
        var env = new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = "/lib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu" };
        AssertBytes("still ours\n", Boot.Run(root, ["/bin/execlineb", "-c", "echo still ours"], env, Limit));
    }

    [Fact]
    public void Accounts_resolve_through_the_shipped_glibc_in_a_busybox_image_without_nsswitch_conf()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        AssertBytes("/nonexistent\n", Boot.Run(root, ["/bin/homeof", "nobody"], timeout: Limit));
    }

    [PodmanFact] // the Debian rootfs is exported from the local podman image
    public void Accounts_resolve_through_the_images_nsswitch_conf_in_a_debian_image()
    {
        using var root = Rootfs.FromImage("debian:bookworm-slim").WithOverlay();
        AssertBytes("/usr/sbin\n", Boot.Run(root, ["/usr/bin/homeof", "daemon"], timeout: Limit));
    }

    [Fact]
    public void An_unprivileged_user_can_run_it()
    {
        using var root = Rootfs.Busybox().WithOverlay();
        AssertBytes("65534\n", Boot.Run(root, ["/bin/su", "-s", "/bin/sh", "nobody", "-c", "exec /bin/execlineb -c 'id -u'"],
            timeout: Limit));
    }
}
