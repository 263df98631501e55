using System.Diagnostics;

namespace Execline.Tests.EndToEnd;

/// A v3 image as its authors write them (services in /etc/s6-overlay/s6-rc.d, `#!/command/...` shebangs),
/// built and run by a real engine on a usrmerged Debian image with our tarball in place of s6-overlay v3.
public class V3PodmanTests
{
    const string Dockerfile = """
        FROM debian:bookworm-slim
        ADD overlay.tar.gz /
        RUN mkdir -p /etc/s6-overlay/s6-rc.d/prep/dependencies.d /etc/s6-overlay/s6-rc.d/app/dependencies.d \
         && echo oneshot > /etc/s6-overlay/s6-rc.d/prep/type \
         && echo 'echo prep ran' > /etc/s6-overlay/s6-rc.d/prep/up \
         && touch /etc/s6-overlay/s6-rc.d/prep/dependencies.d/base \
         && echo longrun > /etc/s6-overlay/s6-rc.d/app/type \
         && printf '#!/command/execlineb -P\nforeground { echo app up }\nsleep 100000\n' > /etc/s6-overlay/s6-rc.d/app/run \
         && touch /etc/s6-overlay/s6-rc.d/app/dependencies.d/prep \
         && touch /etc/s6-overlay/user-bundles.d/user/contents.d/prep /etc/s6-overlay/user-bundles.d/user/contents.d/app
        ENTRYPOINT ["/init"]
        """;

    [PodmanFact]
    public void S55_a_v3_image_starts_its_oneshot_then_its_longrun_and_exits_with_the_CMDs_code()
    {
        var tag = Podman.BuildWithTarball(Dockerfile);
        try
        {
            var r = Podman.Run("run", "--rm", "--pull=never", "-e", "S6_VERBOSITY=1", tag,
                "sh", "-c", "sleep 0.3; s6-rc -a list | grep -x -e prep -e app | sort; exit 3");
            Assert.Equal("prep ran\napp up\napp\nprep\n", r.Out);
            Assert.Equal("s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n", r.Err);
            Assert.Equal(3, r.ExitCode);
        }
        finally { Podman.RemoveImage(tag); }
    }

    /// docker run -t: with S6_CMD_USE_TERMINAL the CMD writes to the terminal itself, not into the catch-all
    /// log (S6_LOGGING=1 still copies the log onto the console); without it, its output is in the log.
    [PodmanFact]
    public void S77_with_S6_CMD_USE_TERMINAL_the_CMD_of_a_container_with_a_terminal_writes_to_it_not_to_the_log()
    {
        var tag = Podman.BuildWithTarball(Dockerfile);
        try
        {
            const string Cmd = "[ -t 1 ] && echo stdout-is-a-tty; echo cmd-line; sleep 0.5; " +
                "echo log-has-it=$(grep -c cmd-line /run/uncaught-logs/current)";
            var onTerminal = Podman.Run("run", "--rm", "-t", "--pull=never", "-e", "S6_LOGGING=1", "-e", "S6_CMD_USE_TERMINAL=1",
                "-e", "S6_VERBOSITY=0", tag, "sh", "-c", Cmd);
            Assert.Contains("stdout-is-a-tty\r\ncmd-line\r\n", onTerminal.Out);
            Assert.Contains("log-has-it=0\r\n", onTerminal.Out);
            var logged = Podman.Run("run", "--rm", "-t", "--pull=never", "-e", "S6_LOGGING=1", "-e", "S6_VERBOSITY=0", tag, "sh", "-c", Cmd);
            Assert.DoesNotContain("stdout-is-a-tty", logged.Out);
            Assert.Contains("log-has-it=1", logged.Out);
        }
        finally { Podman.RemoveImage(tag); }
    }

    [PodmanFact]
    public void S13_podman_stop_brings_a_v3_container_down_with_code_0_without_a_grace_sleep()
    {
        var tag = Podman.BuildWithTarball(Dockerfile);
        var name = "execline-cs-v3-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Assert.Equal(0, Podman.Run("run", "-d", "--pull=never", "--name", name, tag, "sleep", "100000").ExitCode);
            var logs = Podman.Run("logs", name);
            for (int i = 0; i < 100 && !logs.Out.Contains("app up"); i++)
            {
                Thread.Sleep(100);
                logs = Podman.Run("logs", name);
            }
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, Podman.Run("stop", "-t", "10", name).ExitCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"podman stop took {clock.Elapsed}");
            Assert.Equal("0\n", Podman.Run("inspect", "--format", "{{.State.ExitCode}}", name).Out);
            Assert.Contains("s6-rc: info: service app successfully stopped", Podman.Run("logs", name).Err);
        }
        finally
        {
            Podman.Run("rm", "-f", name);
            Podman.RemoveImage(tag);
        }
    }
}
