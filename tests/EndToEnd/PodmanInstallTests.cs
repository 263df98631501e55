namespace Execline.Tests.EndToEnd;

/// The tarball ADDed at / by a real engine, as s6-overlay's users install it.
public class PodmanInstallTests
{
    /// A build step as goss runs them: every command at /bin/NAME and /usr/bin/NAME is a regular file, mode
    /// 0755, the program's own inode.
    const string CommandsAreTheProgram = """
        RUN ["/bin/sh", "-c", "p=$(stat -c %i /usr/lib/execline-cs/execline); for n in $(/usr/lib/execline-cs/execline --list); do for f in /bin/$n /usr/bin/$n; do test -f $f && test ! -L $f && test $(stat -c %a.%i $f) = 755.$p || { echo not the program: $f; exit 1; }; done; done"]
        """;

    [PodmanFact]
    public void Added_onto_a_usrmerged_debian_image_it_keeps_bin_a_link_and_runs_both_shebang_paths()
    {
        var tag = Podman.BuildWithTarball("""
            FROM debian:bookworm-slim
            ADD overlay.tar.gz /
            RUN ["/bin/sh", "-c", "test -L /bin && test -L /lib && /bin/execlineb -c 'echo build-time ok'"]
            """ + "\n" + CommandsAreTheProgram);
        try
        {
            var r = Podman.Run("run", "--rm", "--pull=never", tag, "/usr/bin/execlineb", "-c",
                "foreground { /bin/execlineb -c \"echo via /bin\" } getpid P importas P P echo pid $P");
            Assert.Equal("", r.Err);
            Assert.Equal("via /bin\npid 1\n", r.Out);
            Assert.Equal(0, r.ExitCode);
        }
        finally { Podman.RemoveImage(tag); }
    }

    [PodmanFact]
    public void Added_onto_busybox_it_runs_without_any_libc_in_the_image()
    {
        var tag = Podman.BuildWithTarball("""
            FROM busybox
            ADD overlay.tar.gz /
            """ + "\n" + CommandsAreTheProgram);
        try
        {
            var r = Podman.Run("run", "--rm", "--pull=never", tag, "/bin/execlineb", "-c", "foreground { echo hello } exit 3");
            Assert.Equal("", r.Err);
            Assert.Equal("hello\n", r.Out);
            Assert.Equal(3, r.ExitCode);
        }
        finally { Podman.RemoveImage(tag); }
    }
}
