using System.Text.RegularExpressions;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The v2 directories under a v3 boot (spec §5): cont-init.d, services.d and cont-finish.d as s6-rc oneshots.
public class V3LegacyTests
{
    const string Script = "/package/admin/s6-overlay-3.2.3.2/etc/s6-rc/scripts/cont-init";

    /// An image with s6-overlay's v3 mark and S22's cont-init.d.
    static Rootfs S22Image()
    {
        var root = V3.Image();
        root.Write("etc/cont-init.d/10-a", "#!/bin/sh\necho ran a\n", "755");
        root.Write("etc/cont-init.d/20-fail", "#!/bin/sh\necho ten-fail\nexit 5\n", "755");
        root.Write("etc/cont-init.d/30-noexec", "#!/bin/sh\necho never\n", "644");
        Directory.CreateDirectory(root.At("etc/cont-init.d/40-dir"));
        root.Write("etc/cont-init.d/.hidden", "#!/bin/sh\necho hidden\n", "755");
        root.Write("etc/cont-init.d/50-env", "#!/bin/sh\nenv | sort\npwd\n", "755");
        root.Write("etc/cont-init.d/60-badinterp", "#!/bin/nonexistent\n", "755");
        return root;
    }

    static string Ran(string name, int code, string before = "") =>
        $"cont-init: info: running /etc/cont-init.d/{name}\n{before}cont-init: info: /etc/cont-init.d/{name} exited {code}\n";

    static readonly string S22Lines = Ran("10-a", 0) + Ran("20-fail", 5) +
        Ran("30-noexec", 126, $"{Script}: /etc/cont-init.d/30-noexec: Permission denied\n") +
        Ran("40-dir", 126, $"{Script}: /etc/cont-init.d/40-dir: Permission denied\n") + Ran("50-env", 0) +
        Ran("60-badinterp", 127, "ifelse: fatal: unable to exec /etc/cont-init.d/60-badinterp: No such file or directory\n");

    static string Boot(string contInit, string afterContInit = "") => V3.Pre + V3.Empty + V3.Up
        .Replace("fix-attrs successfully started\n", "fix-attrs successfully started\n" + contInit + afterContInit);

    [Fact]
    public void S22_S25_every_cont_init_script_runs_in_order_with_PATH_and_RC_NAME_whatever_fails()
    {
        using var root = S22Image();
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0());
        Assert.Equal(Boot(S22Lines) + V3.Down, r.Err);
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(new Regex("^ran a\nten-fail\nPATH=/command:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n" +
            @"PWD=/run/s6-rc:s6-rc-init:\w{6}/servicedirs/s6rc-oneshot-runner\nRC_NAME=legacy-cont-init\nSHLVL=1\n" +
            @"/run/s6-rc:s6-rc-init:\w{6}/servicedirs/s6rc-oneshot-runner\nCMD-RAN\n$"), r.Out);
    }

    [Fact]
    public void S23_with_S6_BEHAVIOUR_IF_STAGE2_FAILS_1_a_failed_script_is_a_warning()
    {
        using var root = S22Image();
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0("S6_BEHAVIOUR_IF_STAGE2_FAILS=1"));
        Assert.Equal(Boot(S22Lines, "cont-init: warning: some scripts exited nonzero\n") + V3.Down, r.Err);
        Assert.EndsWith("CMD-RAN\n", r.Out);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void S24_with_S6_BEHAVIOUR_IF_STAGE2_FAILS_2_a_failed_script_stops_the_container_with_1()
    {
        using var root = S22Image();
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0("S6_BEHAVIOUR_IF_STAGE2_FAILS=2"));
        var boot = V3.Pre + V3.Empty + "s6-rc: info: service s6rc-oneshot-runner: starting\n" +
            "s6-rc: info: service fix-attrs: starting\n" +
            "s6-rc: info: service s6rc-oneshot-runner successfully started\n" +
            "s6-rc: info: service legacy-cont-init: starting\n" +
            "s6-rc: info: service fix-attrs successfully started\n" + S22Lines +
            "cont-init: warning: some scripts exited nonzero\n" +
            "s6-rc: warning: unable to start service legacy-cont-init: command exited 1\n" +
            V3.Rci + "warning: s6-rc failed to properly bring all the services up! Check your logs (in /run/uncaught-logs/current if you have in-container logging) for more information.\n" +
            V3.Rci + "fatal: stopping the container.\n";
        var down = "s6-rc: info: service fix-attrs: stopping\n" +
            "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n" +
            "s6-rc: info: service fix-attrs successfully stopped\n";
        Assert.Equal(boot + down, r.Err);
        Assert.DoesNotContain("CMD-RAN", r.Out);
        Assert.Equal(1, r.ExitCode);
    }

    /// s6-overlay's cont-finish has no time limit unless S6_KILL_FINISH_MAXTIME is set, where its README says
    /// 5000 ms: here the README's default holds (and the variable, when set).
    [Fact]
    public void S26_legacy_services_run_from_their_copies_and_cont_finish_scripts_are_cut_at_S6_KILL_FINISH_MAXTIME()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/app/run", "#!/bin/sh\necho app up\npwd\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/disabled/run", "#!/bin/sh\necho disabled runs\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/disabled/down", "");
        root.Write("etc/cont-finish.d/10-fin", "#!/bin/sh\necho finish10\nexit 4\n", "755");
        root.Write("etc/cont-finish.d/20-slow", "#!/bin/sh\nsleep 10\n", "755");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = V3.Run(root, ["sh", "-c", "sleep 0.3; echo CMD-RAN"], V3.G0("S6_KILL_FINISH_MAXTIME=300"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("app up\n/run/s6/legacy-services/app\nCMD-RAN\nfinish10\n", r.Out);
        Assert.Contains("services-up: info: copying legacy longrun app (no readiness notification)\n" +
            "services-up: info: copying legacy longrun disabled (no readiness notification)\n", r.Err);
        Assert.Contains("s6-rc: info: service legacy-services successfully stopped\n", r.Err);
        Assert.Contains("cont-finish: info: running /etc/cont-finish.d/10-fin\ncont-finish: info: running /etc/cont-finish.d/20-slow\n" +
            // glibc's words for ETIMEDOUT (the reference, on musl, says "Operation timed out")
            "s6-maximumtime: warning: unable to wait for child process: Connection timed out\n", r.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void S27_with_S6_CMD_WAIT_FOR_SERVICES_the_CMD_waits_for_a_legacy_service_to_be_ready()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/notif/run", "#!/bin/sh\nsleep 0.5\necho notif ready\necho >&3\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/notif/notification-fd", "3\n");
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0("S6_CMD_WAIT_FOR_SERVICES=1"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("notif ready\nCMD-RAN\n", r.Out);
    }

    [Fact]
    public void S28_with_S6_CMD_WAIT_FOR_SERVICES_MAXTIME_the_CMD_waits_for_the_ready_service_but_not_for_one_marked_down()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/notif/run", "#!/bin/sh\nsleep 0.5\necho notif ready\necho >&3\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/notif/notification-fd", "3\n");
        root.Write("etc/services.d/disabled/run", "#!/bin/sh\necho never\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/disabled/down", "");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0("S6_CMD_WAIT_FOR_SERVICES=1", "S6_CMD_WAIT_FOR_SERVICES_MAXTIME=3000"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("notif ready\nCMD-RAN\n", r.Out);
        Assert.DoesNotContain("timed out", r.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void S29_with_S6_CMD_WAIT_FOR_SERVICES_and_no_MAXTIME_a_service_marked_down_does_not_hold_the_CMD_forever()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/disabled/run", "#!/bin/sh\necho never\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/disabled/down", "");
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0("S6_CMD_WAIT_FOR_SERVICES=1"));
        Assert.Contains("services-up: info: copying legacy longrun disabled (no readiness notification)\n", r.Err);
        Assert.Equal("CMD-RAN\n", r.Out);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void S30_a_legacy_service_never_ready_within_the_time_with_S6_BEHAVIOUR_IF_STAGE2_FAILS_2_exits_2()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/notif/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/notif/notification-fd", "3\n");
        var r = V3.Run(root, ["echo", "CMD-RAN"],
            V3.G0("S6_CMD_WAIT_FOR_SERVICES=1", "S6_CMD_WAIT_FOR_SERVICES_MAXTIME=300", "S6_BEHAVIOUR_IF_STAGE2_FAILS=2"));
        Assert.Equal("", r.Out);
        Assert.Contains("s6-rc: fatal: timed out\n", r.Err);
        Assert.Contains(V3.Rci + "fatal: stopping the container.\n", r.Err);
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void S68_a_fix_attrs_file_that_fails_with_S6_BEHAVIOUR_IF_STAGE2_FAILS_2_stops_the_container_with_1()
    {
        using var root = V3.Image();
        Directory.CreateDirectory(root.At("data2"));
        root.Write("etc/fix-attrs.d/02-num", "/data2 false 1000 0600 0700\n");
        var r = V3.Run(root, ["echo", "CMD-RAN"], V3.G0("S6_BEHAVIOUR_IF_STAGE2_FAILS=2"));
        Assert.Equal("", r.Out);
        Assert.Contains("fix-attrs: info: applying /etc/fix-attrs.d/02-num\n", r.Err);
        Assert.Contains("fix-attrs: warning: fix-attrs is deprecated, please fix volume permissions in your container manager instead\n" +
            "fix-attrs: warning: some fix files failed to apply\n", r.Err);
        Assert.Contains("s6-rc: warning: unable to start service fix-attrs: command exited 1\n", r.Err);
        Assert.Contains(V3.Rci + "fatal: stopping the container.\n", r.Err);
        Assert.Equal(1, r.ExitCode);
    }

    /// s6-overlay's README: S6_KILL_FINISH_MAXTIME defaults to 5000 ms (its script: no limit at all).
    [Fact]
    public void A_cont_finish_script_is_cut_after_5_seconds_when_S6_KILL_FINISH_MAXTIME_is_not_set()
    {
        using var root = V3.Image();
        root.Write("etc/cont-finish.d/slow", "#!/bin/sh\nsleep 100\n", "755");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = V3.Run(root, ["true"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("cont-finish: info: running /etc/cont-finish.d/slow\n" +
            "s6-maximumtime: warning: unable to wait for child process: Connection timed out\n", r.Err);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
    }
}
