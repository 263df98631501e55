using System.Diagnostics;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// Stopping a v3 container (spec §6): the signals to process 1 and what each does, S6_CMD_RECEIVE_SIGNALS,
/// and a shutdown that never sleeps a grace time nobody needs.
public class V3ShutdownTests
{
    static Ran SignalAfterBoot(Rootfs root, string[] cmd, Dictionary<string, string> env, params int[] signals)
    {
        var booted = V3.StartBooted(root, cmd, env);
        foreach (var sig in signals)
        {
            booted.Signal(sig);
            Thread.Sleep(100);
        }
        return booted.Wait(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void S13_SIGTERM_stops_a_container_without_CMD_with_0()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 0, SignalAfterBoot(root, [], V3.G0(), 15));
    }

    [Fact]
    public void S14_SIGTERM_while_the_CMD_runs_exits_0_the_CMD_status_is_not_recorded()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 0, SignalAfterBoot(root, ["sleep", "30"], V3.G0(), 15));
    }

    /// S15 to S17 keep the default grace time (the CMD gets the time to run its trap before SIGKILL), which
    /// nothing waits out once the CMD is gone.
    [Fact]
    public void S15_the_CMD_gets_SIGTERM_only_from_the_final_broadcast_after_the_services_are_down()
    {
        using var root = V3.Image();
        var r = SignalAfterBoot(root, ["sh", "-c", "trap 'echo got TERM; exit 7' TERM; echo started; while :; do sleep 0.1 & wait; done"], Env(), 15);
        AssertRan("started\ngot TERM\n", V3.Boot + V3.Down, 0, r);
    }

    [Fact]
    public void S16_with_S6_CMD_RECEIVE_SIGNALS_the_CMD_gets_SIGTERM_first_and_its_status_is_the_container_s()
    {
        using var root = V3.Image();
        var r = SignalAfterBoot(root, ["sh", "-c", "trap 'echo got TERM; exit 7' TERM; echo started; while :; do sleep 0.1 & wait; done"],
            Env("S6_CMD_RECEIVE_SIGNALS=1"), 15);
        AssertRan("started\ngot TERM\n", V3.Boot + V3.Down, 7, r);
    }

    [Fact]
    public void S17_with_S6_CMD_RECEIVE_SIGNALS_a_CMD_killed_by_SIGTERM_gives_143()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 143, SignalAfterBoot(root, ["sleep", "30"], Env("S6_CMD_RECEIVE_SIGNALS=1"), 15));
    }

    [Theory]
    [InlineData(2)]   // SIGINT: reboot
    [InlineData(10)]  // SIGUSR1: poweroff
    [InlineData(30)]  // SIGPWR: poweroff
    public void S18_S19_SIGINT_SIGUSR1_and_SIGPWR_stop_the_container_with_111(int signal)
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 111, SignalAfterBoot(root, [], V3.G0(), signal));
    }

    [Fact]
    public void S20_SIGUSR2_halts_with_the_code_a_cont_init_script_wrote()
    {
        using var root = V3.Image();
        root.Write("etc/cont-init.d/x", "#!/bin/sh\necho 6 > /run/s6-linux-init-container-results/exitcode\n", "755");
        var r = SignalAfterBoot(root, [], V3.G0(), 12);
        AssertRan("", V3.Pre + V3.Empty + V3.Up.Replace("fix-attrs successfully started\n", "fix-attrs successfully started\n" +
                "cont-init: info: running /etc/cont-init.d/x\ncont-init: info: /etc/cont-init.d/x exited 0\n") + V3.Down, 6, r);
    }

    [Fact]
    public void S21_SIGQUIT_SIGHUP_and_SIGWINCH_do_nothing_SIGTERM_then_stops()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 0, SignalAfterBoot(root, [], V3.G0(), 3, 1, 28, 15));
    }

    /// s6-overlay sleeps S6_KILL_GRACETIME (3 s) out at every shutdown, even with nothing left to kill.
    [Fact]
    public void S73_with_the_default_grace_time_a_CMD_that_exits_ends_the_container_at_once()
    {
        using var root = V3.Image();
        var clock = Stopwatch.StartNew();
        var r = V3.Run(root, ["true"]);
        AssertRan("", V3.Boot + V3.Down, 0, r);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_process_that_ignores_SIGTERM_is_killed_when_the_grace_time_is_over()
    {
        using var root = V3.Image();
        var clock = Stopwatch.StartNew();
        var r = V3.Run(root, ["sh", "-c", "(trap '' TERM; exec sleep 100) & sleep 0.2"], InitContainer.Env("S6_KILL_GRACETIME=500"));
        AssertRan("", V3.Boot + V3.Down, 0, r);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5));
    }
}
