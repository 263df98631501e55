using System.Diagnostics;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// Shutdown: docker stop's SIGTERM (T15), and stage 3 waiting only as long as processes remain.
public class InitShutdownTests
{
    [Fact]
    public void T15_SIGTERM_from_outside_runs_cont_finish_and_exits_0_without_a_cmd_line_within_the_grace_times()
    {
        using var root = Image();
        root.Write("etc/cont-finish.d/10-bye", "#!/bin/sh\necho \"finish: bye\"\n", "755");
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        var booted = Start(root, ["sh", "-c", "touch /tmp/cmd-up; exec sleep 30"]);
        AwaitFile(root, "tmp/cmd-up");
        var clock = Stopwatch.StartNew();
        booted.Signal(15);
        var r = booted.Wait(TimeSpan.FromSeconds(180));
        var took = clock.Elapsed;
        AssertRan(Banners.Boot() + Banners.Fin(1, 1) + "[cont-finish.d] 10-bye: executing... \nfinish: bye\n" +
            "[cont-finish.d] 10-bye: exited 0.\n" + Banners.Fin(2), "", 0, r);
        // within S6_SERVICES_GRACETIME + S6_KILL_GRACETIME (3 s each): everything goes on TERM, neither is waited out
        Assert.True(took < TimeSpan.FromSeconds(6), $"SIGTERM to exit took {took}");
    }

    [Fact]
    public void T24_a_slow_cont_finish_script_is_killed_after_S6_KILL_FINISH_MAXTIME_and_the_rest_goes_on()
    {
        using var root = Image();
        root.Write("etc/cont-finish.d/10-hello", "#!/bin/sh\necho \"finish hello\"\nexit 4\n", "755");
        root.Write("etc/cont-finish.d/20-slow", "#!/bin/sh\necho \"slow start\"\nsleep 10\n", "755");
        var r = Run(root, ["true"], Env("S6_KILL_FINISH_MAXTIME=1000"));
        AssertRan(Banners.Boot() + "[cmd] true exited 0\n" + Banners.Fin(1, 1) +
            "[cont-finish.d] 10-hello: executing... \nfinish hello\n[cont-finish.d] 10-hello: exited 4.\n" +
            "[cont-finish.d] 20-slow: executing... \nslow start\n[cont-finish.d] 20-slow: exited 99.\n" + Banners.Fin(2),
            // glibc's words for ETIMEDOUT (the reference, on musl, says "Operation timed out")
            "s6-maximumtime: warning: unable to wait for child process: Connection timed out\n", 0, r);
    }

    [Fact]
    public void Stage_3_kills_a_process_that_ignores_TERM_after_S6_KILL_GRACETIME_and_not_later()
    {
        using var root = Image();
        var clock = Stopwatch.StartNew();
        var r = Run(root, ["sh", "-c", "(trap '' TERM HUP; exec sleep 1000) & touch /tmp/cmd-done"],
            Env("S6_KILL_GRACETIME=2000"));
        var took = clock.Elapsed;
        AssertRan(Banners.Boot() + "[cmd] sh exited 0\n" + Banners.Fin(), "", 0, r);
        Assert.True(took > TimeSpan.FromSeconds(2), $"the container exited after {took}, before the grace time");
        Assert.True(took < TimeSpan.FromSeconds(12), $"the container exited after {took}");
    }

    [Fact]
    public void Stage_3_moves_on_as_soon_as_every_process_is_gone_instead_of_sleeping_the_grace_times()
    {
        using var root = Image();
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        var booted = Start(root, ["sh", "-c", "sleep 1000 & sleep 1000 & touch /tmp/cmd-up; sleep 0.5"],
            Env("S6_KILL_GRACETIME=20000", "S6_SERVICES_GRACETIME=20000"));
        AwaitFile(root, "tmp/cmd-up");
        var clock = Stopwatch.StartNew();
        var r = booted.Wait(TimeSpan.FromSeconds(180));
        AssertRan(Banners.Boot() + "[cmd] sh exited 0\n" + Banners.Fin(), "", 0, r);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"CMD exit to container exit took {clock.Elapsed}");
    }
}
