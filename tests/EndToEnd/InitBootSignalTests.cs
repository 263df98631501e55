using System.Diagnostics;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// docker stop at any moment of the boot. Process 1 drops a signal it neither handles nor blocks, so a
/// SIGTERM that came before the supervisor reads its signals (stage 1) used to be lost: the container went
/// on booting, ran the CMD and had to be killed. /init blocks the shutdown signals first thing; they stay
/// pending until the supervisor's signalfd reads them.
public class InitBootSignalTests
{
    /// Milliseconds after stage 1 began (s6-overlay-preinit made /var/run/s6): stage 1 itself, stage 2's
    /// first steps, the slow cont-init script, the CMD running. Stage 2 goes on until stage 3's TERM
    /// broadcast, as with s6-overlay, so its first banners may mingle with stage 3's; the container always
    /// goes all the way through stage 3, by itself, with 0 and nothing on stderr.
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(150)]
    [InlineData(250)]
    [InlineData(800)]
    [InlineData(1500)]
    public void A_SIGTERM_at_any_moment_of_the_boot_stops_the_container_cleanly_with_0(int ms)
    {
        using var root = Image();
        root.Write("etc/cont-init.d/10-slow", "#!/bin/sh\nsleep 0.3\n", "755");
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        var booted = Start(root, ["sleep", "1000"]);
        var pid1 = booted.HostPid1;
        var stage1 = $"/proc/{pid1}/root/run/s6";
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists(stage1))
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("stage 1 never began");
        clock.Restart();
        while (clock.ElapsedMilliseconds < ms) Thread.Sleep(1);
        Booted.SignalNow(pid1, 15);
        // Stage 1 makes the supervisor's control FIFO before it starts the supervisor: still missing after the
        // signal, the signal came first. (A loaded machine may wake this thread only once the boot is further.)
        bool beforeSupervisor = !File.Exists($"/proc/{pid1}/root/run/s6/services/.s6-svscan/control");
        var r = booted.Wait(TimeSpan.FromSeconds(20));
        var took = clock.Elapsed;
        Assert.False(r.TimedOut, $"SIGTERM at {ms} ms was lost; stdout:\n{r.Out}\nstderr:\n{r.Err}");
        Assert.Equal("", r.Err);
        Assert.Equal(0, r.ExitCode);
        var waiting = r.Out.IndexOf("[s6-finish] waiting for services.\n");
        var term = r.Out.IndexOf("[s6-finish] sending all processes the TERM signal.\n");
        Assert.True(waiting >= 0 && term > waiting, r.Out);
        Assert.EndsWith("[s6-finish] sending all processes the KILL signal and exiting.\n", r.Out);
        Assert.DoesNotContain("[cmd]", r.Out);
        // Pending when the supervisor starts, the signal stops it at once, and stage 2, which waits for it,
        // never runs.
        if (beforeSupervisor) Assert.Equal(Banners.Fin(3), r.Out);
        // the grace times (3 s each) are never waited out: everything goes at the TERM broadcast
        Assert.True(took < TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(ms), $"SIGTERM to exit took {took}");
    }
}
