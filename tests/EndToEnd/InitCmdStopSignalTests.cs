using System.Diagnostics;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_CMD_STOP_SIGNAL under a v2 boot: a docker stop gives the CMD that signal where stage 3's broadcast
/// gave it HUP and TERM. The container's code stays v2's for a docker stop: 0, the CMD's is not recorded.
public class InitCmdStopSignalTests
{
    /// Ignores HUP and TERM; SIGQUIT makes it exit 7.
    public const string QuitOnly =
        "trap '' HUP TERM; trap 'echo got QUIT; exit 7' QUIT; touch /tmp/cmd-up; while :; do sleep 0.1 & wait; done";

    static (Ran Ran, TimeSpan Took) StopWhileTheCmdRuns(Rootfs root, Dictionary<string, string> env)
    {
        var booted = Start(root, ["sh", "-c", QuitOnly], env);
        AwaitFile(root, "tmp/cmd-up");
        var clock = Stopwatch.StartNew();
        booted.Signal(15);
        var r = booted.Wait(TimeSpan.FromSeconds(60));
        return (r, clock.Elapsed);
    }

    [Fact]
    public void With_S6_CMD_STOP_SIGNAL_QUIT_a_CMD_deaf_to_TERM_stops_at_once_on_docker_stop()
    {
        using var root = Image();
        var (r, took) = StopWhileTheCmdRuns(root, Env("S6_CMD_STOP_SIGNAL=QUIT", "S6_KILL_GRACETIME=10000"));
        AssertRan(Banners.Boot() + Banners.Fin(1, 4) + "got QUIT\n" + Banners.Fin(5), "", 0, r);
        Assert.True(took < TimeSpan.FromSeconds(5), $"SIGTERM to exit took {took}");
    }

    [Fact]
    public void Without_it_the_CMD_gets_TERM_and_HUP_and_is_killed_at_the_grace_time()
    {
        using var root = Image();
        var (r, took) = StopWhileTheCmdRuns(root, Env("S6_KILL_GRACETIME=1500"));
        AssertRan(Banners.Boot() + Banners.Fin(), "", 0, r);
        Assert.True(took >= TimeSpan.FromSeconds(1.5), $"SIGTERM to exit took {took}");
    }

    [Fact]
    public void A_bad_S6_CMD_STOP_SIGNAL_is_said_and_TERM_stands()
    {
        using var root = Image();
        var (r, _) = StopWhileTheCmdRuns(root, Env("S6_CMD_STOP_SIGNAL=SIGNOPE", "S6_KILL_GRACETIME=500"));
        AssertRan(Banners.Boot() + Banners.Fin(),
            "s6-overlay-nuke: warning: invalid S6_CMD_STOP_SIGNAL: SIGNOPE (not a signal name or number) - the CMD gets SIGTERM\n", 0, r);
    }
}
