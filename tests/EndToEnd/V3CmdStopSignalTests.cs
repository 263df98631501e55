using System.Diagnostics;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_CMD_STOP_SIGNAL under a v3 boot: where the CMD got SIGTERM at a docker stop (the final broadcast, or
/// CMDSIG passing process 1's SIGTERM on under S6_CMD_RECEIVE_SIGNALS) it gets that signal. The container's
/// code is v3's: the CMD's only under S6_CMD_RECEIVE_SIGNALS.
public class V3CmdStopSignalTests
{
    static (Ran Ran, TimeSpan Took) StopWhileTheCmdRuns(Rootfs root, Dictionary<string, string> env)
    {
        var booted = V3.StartBooted(root, ["sh", "-c", InitCmdStopSignalTests.QuitOnly], env);
        V3.Await(booted, "/tmp/cmd-up");
        var clock = Stopwatch.StartNew();
        booted.Signal(15);
        var r = booted.Wait(TimeSpan.FromSeconds(60));
        return (r, clock.Elapsed);
    }

    [Fact]
    public void With_S6_CMD_STOP_SIGNAL_QUIT_the_final_broadcast_gives_the_CMD_QUIT_and_it_stops_at_once()
    {
        using var root = V3.Image();
        var (r, took) = StopWhileTheCmdRuns(root, Env("S6_CMD_STOP_SIGNAL=QUIT", "S6_KILL_GRACETIME=10000"));
        AssertRan("got QUIT\n", V3.Boot + V3.Down, 0, r);
        Assert.True(took < TimeSpan.FromSeconds(5), $"SIGTERM to exit took {took}");
    }

    [Fact]
    public void With_S6_CMD_RECEIVE_SIGNALS_docker_stop_reaches_the_CMD_as_its_stop_signal_and_its_code_is_the_container_s()
    {
        using var root = V3.Image();
        var (r, took) = StopWhileTheCmdRuns(root,
            Env("S6_CMD_STOP_SIGNAL=SIGQUIT", "S6_CMD_RECEIVE_SIGNALS=1", "S6_KILL_GRACETIME=10000"));
        AssertRan("got QUIT\n", V3.Boot + V3.Down, 7, r);
        Assert.True(took < TimeSpan.FromSeconds(5), $"SIGTERM to exit took {took}");
    }

    [Fact]
    public void Without_it_the_CMD_deaf_to_TERM_is_killed_at_the_grace_time()
    {
        using var root = V3.Image();
        var (r, took) = StopWhileTheCmdRuns(root, Env("S6_KILL_GRACETIME=1500"));
        AssertRan("", V3.Boot + V3.Down, 0, r);
        Assert.True(took >= TimeSpan.FromSeconds(1.5), $"SIGTERM to exit took {took}");
    }
}
