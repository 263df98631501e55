using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// Orphans: reaped by PID 1 during boot, and by /init as a child subreaper when it is not PID 1.
public class InitOrphanTests
{
    const string CountSleeps = "grep -lx sleep /proc/[0-9]*/comm 2>/dev/null | wc -l";
    const string CountZombies = "grep -l '^State:.Z' /proc/[0-9]*/status 2>/dev/null | wc -l";

    [Fact]
    public void An_orphan_storm_of_2000_processes_during_boot_is_reaped()
    {
        using var root = Image();
        root.Write("etc/cont-init.d/10-storm",
            "#!/bin/sh\ni=0\nwhile [ $i -lt 2000 ]; do (sleep 0.1 &); i=$((i+1)); done\necho 2000 forked\n", "755");
        var r = Run(root, ["sh", "-c", $"while {CountSleeps} | grep -qv '^0$'; do sleep 0.1; done; echo zombies $({CountZombies})"],
            seconds: 180);
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 10-storm: executing... \n2000 forked\n[cont-init.d] 10-storm: exited 0.\n" +
            Banners.Boot(6, 8) + "zombies 0\n[cmd] sh exited 0\n" + Banners.Fin(), "", 0, r);
    }

    [Fact]
    public void Init_when_not_pid_1_reaps_its_orphans_and_leaves_no_process_behind()
    {
        using var root = Image();
        var r = Boot.Run(root, ["/bin/sh", "-c",
            "/init sh -c '(sleep 1000 &); (trap \"\" TERM HUP; exec sleep 1000) & (sleep 0.1 &); exit 0'; echo rc $?; " +
            "sleep 0.2; echo zombies $(" + CountZombies + "); echo sleeps $(" + CountSleeps + ")"],
            InitContainer.Env("S6_KILL_GRACETIME=1000"), TimeSpan.FromSeconds(180));
        AssertRan(Banners.Boot() + "[cmd] sh exited 0\n" + Banners.Fin() + "rc 0\nzombies 0\nsleeps 0\n", "", 0, r);
    }
}
