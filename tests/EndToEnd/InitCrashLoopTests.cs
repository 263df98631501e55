using System.Globalization;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The crash-loop policy (`crash-loop` in a service directory, S6_CRASH_LOOP for all) under a v2 boot: a
/// service that dies at once restarts after waits that grow, gives up and stays down, or stops the
/// container with an exit code after the usual orderly shutdown.
public class InitCrashLoopTests
{
    /// A service that writes the time it starts (from /proc/uptime, 10 ms steps) and dies at once.
    static void DyingService(Rootfs root, string? policy)
    {
        root.Write("etc/services.d/svc/run", "#!/bin/sh\ncut -d' ' -f1 /proc/uptime >> /tmp/starts\nexit 1\n", "755");
        if (policy != null) root.Write("etc/services.d/svc/crash-loop", policy + "\n", "644");
    }

    static double[] Starts(Rootfs root) =>
        File.ReadAllLines(root.At("tmp/starts")).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    /// The CMD /check: waits (30 s at most) until run has started n times, then runs then.
    static void CheckAfterStarts(Rootfs root, int n, string then) => root.Write("check", $$"""
        #!/bin/sh
        i=0
        while [ $i -lt 600 ] && [ "$(cat /tmp/starts 2>/dev/null | wc -l)" -lt {{n}} ]; do sleep 0.05; i=$((i+1)); done
        {{then}}
        """ + "\n", "755");

    [Fact]
    public void A_service_dying_at_once_restarts_after_waits_that_double_from_the_first_to_the_longest()
    {
        using var root = Image();
        DyingService(root, "backoff=1s-4s");
        CheckAfterStarts(root, 5, "cut -d' ' -f1 /var/run/s6/services/svc/supervise/crash-loop\ns6-svstat -o up,wantedup /var/run/s6/services/svc");
        AssertRan(Banners.Boot() + "backoff\nfalse true\n[cmd] /check exited 0\n" + Banners.Fin(), "", 0,
            Run(root, ["/check"], Env("S6_KILL_GRACETIME=0")));
        var starts = Starts(root);
        var waits = starts.Zip(starts.Skip(1), (a, b) => b - a).Take(4).ToArray();
        double[] expected = [1, 2, 4, 4];
        for (int i = 0; i < expected.Length; i++)
            Assert.True(waits[i] >= expected[i] - 0.02 && waits[i] < expected[i] + 0.5,
                $"wait {i + 1} was {waits[i]} s, expected {expected[i]} s (all: {string.Join(", ", waits)})");
    }

    [Fact]
    public void After_give_up_the_service_stays_down_wanted_down_as_s6_svstat_shows_until_s6_svc_u()
    {
        using var root = Image();
        DyingService(root, "give-up=3/1m");
        root.Write("check", """
            #!/bin/sh
            s=/var/run/s6/services/svc
            i=0
            while [ $i -lt 600 ] && ! grep -q gave-up $s/supervise/crash-loop 2>/dev/null; do sleep 0.05; i=$((i+1)); done
            cut -d' ' -f1,2 $s/supervise/crash-loop
            sleep 1.5
            wc -l < /tmp/starts
            s6-svstat -o up,wantedup,normallyup,exitcode $s
            s6-svstat $s | sed 's/[0-9][0-9]* seconds/N seconds/g'
            s6-svc -u $s
            i=0
            while [ $i -lt 100 ] && [ -e $s/supervise/crash-loop ]; do sleep 0.05; i=$((i+1)); done
            [ -e $s/supervise/crash-loop ] || echo "crash-loop removed"
            """ + "\n", "755");
        var r = Run(root, ["/check"], Env("S6_KILL_GRACETIME=0"));
        AssertRan(Banners.Boot() + "gave-up 3\n3\nfalse false true 1\ndown (exitcode 1) N seconds, normally up, ready N seconds\n" +
            "crash-loop removed\n[cmd] /check exited 0\n" + Banners.Fin(), "s6-supervise svc: warning: run died 3 times within 60000 ms: giving up (crash-loop), down until s6-svc -u\n", 0, r);
    }

    [Fact]
    public void Giving_up_with_an_exit_code_from_S6_CRASH_LOOP_stops_the_container_in_order_with_it()
    {
        using var root = Image();
        DyingService(root, null);
        root.Write("etc/cont-finish.d/bye", "#!/bin/sh\necho finish: bye\n", "755");
        var r = Run(root, [], Env("S6_CRASH_LOOP=give-up=2/1m then=exit:5", "S6_KILL_GRACETIME=0"));
        AssertRan(Banners.Boot() + Banners.Fin(1, 1) + "[cont-finish.d] bye: executing... \nfinish: bye\n" +
            "[cont-finish.d] bye: exited 0.\n" + Banners.Fin(2),
            "s6-supervise svc: warning: run died 2 times within 60000 ms: giving up (crash-loop) and stopping the container with exit code 5\n", 5, r);
        Assert.Equal(2, Starts(root).Length);
    }

    [Fact]
    public void A_bad_S6_CRASH_LOOP_is_said_once_and_services_restart_as_s6_restarts_them()
    {
        using var root = Image();
        DyingService(root, null);
        CheckAfterStarts(root, 3, "[ \"$(wc -l < /tmp/starts)\" -ge 3 ] && echo \"3 starts or more\"");
        AssertRan(Banners.Boot() + "3 starts or more\n[cmd] /check exited 0\n" + Banners.Fin(),
            "s6-svscan: warning: invalid S6_CRASH_LOOP: \"backoff=fast\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m - using s6's rules\n",
            0, Run(root, ["/check"], Env("S6_CRASH_LOOP=backoff=fast", "S6_KILL_GRACETIME=0")));
        var starts = Starts(root);
        Assert.InRange(starts[2] - starts[1], 0.98, 1.5);
    }

    [Fact]
    public void A_bad_crash_loop_file_is_said_once_naming_it()
    {
        using var root = Image();
        DyingService(root, "give-up=3");
        CheckAfterStarts(root, 3, "[ \"$(wc -l < /tmp/starts)\" -ge 3 ] && echo \"3 starts or more\"");
        AssertRan(Banners.Boot() + "3 starts or more\n[cmd] /check exited 0\n" + Banners.Fin(),
            "s6-supervise svc: warning: invalid /run/s6/services/svc/crash-loop: \"give-up=3\": expected give-up=DEATHS/DURATION, as in give-up=5/2m - using s6's rules\n",
            0, Run(root, ["/check"], Env("S6_KILL_GRACETIME=0")));
    }
}
