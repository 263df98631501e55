using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_CMD_WAIT_FOR_SERVICES: the CMD waits for services.d's services, until ready when they notify
/// readiness, until up otherwise, never for a service marked down, within S6_CMD_WAIT_FOR_SERVICES_MAXTIME
/// (T25, T26).
public class InitWaitForServicesTests
{
    static Rootfs ImageWithServices()
    {
        var root = Image();
        root.Write("etc/services.d/slowup/notification-fd", "3\n", "644");
        root.Write("etc/services.d/slowup/run",
            "#!/bin/sh\necho \"slowup: starting\"\nsleep 2\necho \"slowup: ready\"\necho >&3\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/plain/run", "#!/bin/sh\necho \"plain: up\"\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/disabled/run", "#!/bin/sh\necho \"disabled: up\"\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/disabled/down", "", "644");
        return root;
    }

    [Fact]
    public void T25_the_CMD_starts_once_a_notifying_service_is_ready_and_a_down_one_is_never_started()
    {
        using var root = ImageWithServices();
        var r = Run(root, ["echo", "CMD-RUNS"], Env("S6_CMD_WAIT_FOR_SERVICES=1", "S6_KILL_GRACETIME=0"));
        Assert.False(r.TimedOut);
        Assert.Equal("", r.Err);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith(Banners.Boot(1, 7), r.Out);
        // The two services start together: their first lines come in either order, before readiness.
        var services = r.Out[Banners.Boot(1, 7).Length..r.Out.IndexOf("slowup: ready\n", StringComparison.Ordinal)];
        Assert.Equal(["plain: up", "slowup: starting"], services.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.EndsWith("slowup: ready\n[services.d] done.\nCMD-RUNS\n[cmd] echo exited 0\n" + Banners.Fin(), r.Out);
    }

    [Fact]
    public void T26_when_the_wait_runs_out_the_CMD_still_runs_without_the_services_done_banner()
    {
        using var root = ImageWithServices();
        var r = Run(root, ["echo", "CMD-RUNS"],
            Env("S6_CMD_WAIT_FOR_SERVICES=1", "S6_CMD_WAIT_FOR_SERVICES_MAXTIME=1000", "S6_KILL_GRACETIME=0"));
        Assert.False(r.TimedOut);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("[services.d] done.", r.Out);
        Assert.DoesNotContain("disabled: up", r.Out);
        Assert.Contains("CMD-RUNS\n[cmd] echo exited 0\n", r.Out);
        // The whole wait and each s6-svwait have the same limit (as in s6-overlay): whichever runs out first
        // says so, s6-maximumtime's (usually) or s6-svwait's own (under load).
        Assert.True(r.Err.StartsWith("s6-maximumtime: warning: unable to wait for child process: ", StringComparison.Ordinal)
            || r.Err.StartsWith("s6-svwait: fatal: timed out\n", StringComparison.Ordinal), r.Err);
    }
}
