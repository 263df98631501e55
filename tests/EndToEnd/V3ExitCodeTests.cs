using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The container's exit code under v3 (spec §7): the CMD's, 128 + a killing signal, the exitcode file.
public class V3ExitCodeTests
{
    [Fact]
    public void S03_a_CMD_exiting_3_makes_the_container_exit_3()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 3, V3.Run(root, ["sh", "-c", "exit 3"], V3.G0()));
    }

    [Fact]
    public void S04_a_CMD_killed_by_a_signal_makes_the_container_exit_128_plus_it()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 137, V3.Run(root, ["sh", "-c", "kill -KILL $$"], V3.G0()));
    }

    [Fact]
    public void S05_a_CMD_that_is_not_found_exits_127_with_the_reason()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + "foreground: warning: unable to spawn nosuchcmd: No such file or directory\n" + V3.Down, 127,
            V3.Run(root, ["nosuchcmd", "arg"], V3.G0()));
    }

    [Fact]
    public void S06_a_CMD_that_is_not_executable_exits_126()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Rci + "/etc/passwd: Permission denied\n" + V3.Down, 126, V3.Run(root, ["/etc/passwd"], V3.G0()));
    }

    [Fact]
    public void S34_exit_300_in_a_shell_CMD_is_44()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 44, V3.Run(root, ["sh", "-c", "exit 300"], V3.G0()));
    }

    /// s6-overlay's CMD runs in rc.init's shell, where `exit 5` ends rc.init itself: the container then runs
    /// on doing nothing. Its README says the container exits with the CMD's code, and here it does.
    [Fact]
    public void S71_exit_5_as_the_CMD_makes_the_container_exit_5()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + V3.Down, 5, V3.Run(root, ["exit", "5"], V3.G0()));
    }

    [Fact]
    public void S33_an_exitcode_that_is_no_number_gives_100_and_halt_returns_at_once()
    {
        using var root = V3.Image();
        AssertRan("halt-rc=0\n", V3.Boot + V3.Down, 100, V3.Run(root, ["sh", "-c",
            "echo abc > /run/s6-linux-init-container-results/exitcode; /run/s6/basedir/bin/halt; echo halt-rc=$?; sleep 5"], V3.G0()));
    }

    [Fact]
    public void S35_s6_svscanctl_t_ends_the_tree_without_the_services_going_down_and_keeps_the_exitcode()
    {
        using var root = V3.Image();
        AssertRan("svscanctl-rc=0\n", V3.Boot + "s6-linux-init-hpr: fatal: unable to talk to shutdownd: Operation not permitted\n", 9,
            V3.Run(root, ["sh", "-c",
                "echo 9 > /run/s6-linux-init-container-results/exitcode; s6-svscanctl -t /run/service; echo svscanctl-rc=$?; sleep 0.3"], V3.G0()));
    }

    [Fact]
    public void S31_a_legacy_service_finish_script_sets_the_exit_code_and_halts()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/app/run", "#!/bin/sh\necho app running\nsleep 0.3\necho app exiting 3\nexit 3\n", "755");
        root.Write("etc/services.d/app/finish", "#!/bin/sh\necho \"finish args: $# [$1] [$2]\"\n" +
            "echo 42 > /run/s6-linux-init-container-results/exitcode\nexec /run/s6/basedir/bin/halt\n", "755");
        var r = V3.Run(root, [], V3.G0());
        AssertRan("app running\napp exiting 3\nfinish args: 3 [3] [0]\n",
            V3.Pre + V3.Empty + V3.Up.Replace("legacy-cont-init successfully started\n",
                "legacy-cont-init successfully started\nservices-up: info: copying legacy longrun app (no readiness notification)\n") + V3.Down, 42, r);
    }
}
