using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// A failing cont-init script under each S6_BEHAVIOUR_IF_STAGE2_FAILS (spec §3 (b), T11-T13).
public class InitStage2FailureTests
{
    static Rootfs FailingImage()
    {
        var root = Image();
        root.Write("etc/cont-init.d/10-fail", "#!/bin/sh\necho \"ten: failing\"\ntouch /tmp/ten-ran\nexit 5\n", "755");
        root.Write("etc/cont-init.d/20-ok", "#!/bin/sh\necho \"twenty: ok\"\n", "755");
        return root;
    }

    static readonly string EveryB = Banners.Boot(1, 5) +
        "[cont-init.d] 10-fail: executing... \nten: failing\n[cont-init.d] 10-fail: exited 5.\n";

    [Fact]
    public void T11_with_B_0_the_failure_is_ignored_and_the_CMD_runs()
    {
        using var root = FailingImage();
        AssertRan(EveryB + "[cont-init.d] 20-ok: executing... \ntwenty: ok\n[cont-init.d] 20-ok: exited 0.\n" +
            Banners.Boot(6, 8) + "hi\n[cmd] echo exited 0\n" + Banners.Fin(), "", 0, Run(root, ["echo", "hi"]));
    }

    [Fact]
    public void T12_with_B_1_the_banner_is_printed_no_CMD_runs_and_the_container_idles_until_stopped_with_1()
    {
        using var root = FailingImage();
        root.Write("etc/cont-finish.d/10-mark", "#!/bin/sh\ntouch /tmp/finishing\n", "755");
        var booted = Start(root, ["sh", "-c", "touch /tmp/cmd-ran"], Env("S6_BEHAVIOUR_IF_STAGE2_FAILS=1"));
        AwaitFile(root, "tmp/ten-ran");
        Thread.Sleep(1500);
        Assert.False(File.Exists(root.At("tmp/finishing")), "the container stopped by itself");
        booted.Signal(15);
        var r = booted.Wait(TimeSpan.FromSeconds(180));
        AssertRan(EveryB + "\n!!!!!\n init-stage2 failed.\n!!!!!\n" + Banners.Fin(1, 1) +
            "[cont-finish.d] 10-mark: executing... \n[cont-finish.d] 10-mark: exited 0.\n" + Banners.Fin(2), "", 1, r);
        Assert.False(File.Exists(root.At("tmp/cmd-ran")));
    }

    [Fact]
    public void T13_with_B_2_the_container_stops_at_once_with_1_and_no_CMD()
    {
        using var root = FailingImage();
        AssertRan(EveryB + Banners.Fin(), "", 1, Run(root, ["echo", "hi"], Env("S6_BEHAVIOUR_IF_STAGE2_FAILS=2")));
    }
}
