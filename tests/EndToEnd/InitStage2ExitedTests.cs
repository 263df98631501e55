using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// cont-finish.d scripts read S6_STAGE2_EXITED, the code the container is about to exit with, on every way
/// a container ends. s6-overlay v2 leaves it unset when nothing recorded a code (docker stop, a finish
/// script's s6-svscanctl -t); ours sets it to that exit code, 0.
public class InitStage2ExitedTests
{
    /// Fails under sh -u when the variable is unset, as a script that relies on it would.
    static Rootfs ImageReadingTheCode()
    {
        var root = Image();
        root.Write("etc/cont-finish.d/10-code", "#!/bin/sh -u\necho \"finish sees $S6_STAGE2_EXITED\"\n", "755");
        return root;
    }

    static string Finish(string code) => Banners.Fin(1, 1) +
        $"[cont-finish.d] 10-code: executing... \nfinish sees {code}\n[cont-finish.d] 10-code: exited 0.\n" + Banners.Fin(2);

    [Fact]
    public void After_the_CMD_exits_the_finish_scripts_see_its_code()
    {
        using var root = ImageReadingTheCode();
        AssertRan(Banners.Boot() + "[cmd] sh exited 3\n" + Finish("3"), "", 3, Run(root, ["sh", "-c", "exit 3"]));
    }

    [Fact]
    public void After_the_CMD_exits_while_services_go_down_the_finish_scripts_see_its_code()
    {
        using var root = ImageReadingTheCode();
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/svc/finish", "#!/bin/sh\nsleep 0.3\n", "755");
        AssertRan(Banners.Boot() + "[cmd] sh exited 3\n" + Finish("3"), "", 3, Run(root, ["sh", "-c", "exit 3"]));
    }

    [Fact]
    public void After_docker_stop_the_finish_scripts_see_0()
    {
        using var root = ImageReadingTheCode();
        var booted = Start(root, ["sh", "-c", "touch /tmp/cmd-up; exec sleep 1000"]);
        AwaitFile(root, "tmp/cmd-up");
        booted.Signal(15);
        AssertRan(Banners.Boot() + Finish("0"), "", 0, booted.Wait(TimeSpan.FromSeconds(180)));
    }

    [Fact]
    public void After_a_finish_script_stops_the_container_without_a_code_the_finish_scripts_see_0()
    {
        using var root = ImageReadingTheCode();
        root.Write("etc/services.d/app/run", "#!/bin/sh\nexit 5\n", "755");
        root.Write("etc/services.d/app/finish", "#!/bin/execlineb -P\ns6-svscanctl -t /var/run/s6/services\n", "755");
        AssertRan(Banners.Boot() + Finish("0"), "", 0, Run(root, []));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void After_stage_2_failed_the_finish_scripts_see_1(string behaviour)
    {
        using var root = ImageReadingTheCode();
        root.Write("etc/cont-init.d/10-fail", "#!/bin/sh\ntouch /tmp/failed\nexit 5\n", "755");
        var booted = Start(root, ["true"], Env("S6_BEHAVIOUR_IF_STAGE2_FAILS=" + behaviour));
        if (behaviour == "1")
        {
            AwaitFile(root, "tmp/failed");
            Thread.Sleep(1000);
            booted.Signal(15);
        }
        var r = booted.Wait(TimeSpan.FromSeconds(180));
        var failed = behaviour == "1" ? "\n!!!!!\n init-stage2 failed.\n!!!!!\n" : "";
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 10-fail: executing... \n[cont-init.d] 10-fail: exited 5.\n" +
            failed + Finish("1"), "", 1, r);
    }

    [Fact]
    public void After_stage_2_failed_with_B_0_the_finish_scripts_see_the_CMDs_code()
    {
        using var root = ImageReadingTheCode();
        root.Write("etc/cont-init.d/10-fail", "#!/bin/sh\nexit 5\n", "755");
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 10-fail: executing... \n[cont-init.d] 10-fail: exited 5.\n" +
            Banners.Boot(6) + "[cmd] true exited 0\n" + Finish("0"), "", 0, Run(root, ["true"]));
    }
}
