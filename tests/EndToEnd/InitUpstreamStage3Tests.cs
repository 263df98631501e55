using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// An image's own stage 3 (here one shaped as s6-overlay v2's: s6-nuke -th, s6-nuke -k, exit with
/// S6_STAGE2_EXITED) on our binaries. Under s6 it runs as process 1, which kill(-1) spares. Ours runs it as
/// the supervisor's child while services are still going down; s6-nuke spares its caller's ancestors, so the
/// finish survives its own broadcasts all the same.
public class InitUpstreamStage3Tests
{
    static Rootfs UpstreamStage3Image()
    {
        var root = Image();
        root.Write("etc/s6/init/init-stage3", File.ReadAllText(Path.Combine(Repo.Root, "tests/EndToEnd/Upstream/v2-init-stage3")), "755");
        return root;
    }

    [Fact]
    public void With_services_still_going_down_the_finish_survives_s6_nuke_and_the_container_exits_with_the_CMDs_code()
    {
        using var root = UpstreamStage3Image();
        // The service's finish takes a while, so it is still being supervised when stage 3 starts.
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/svc/finish", "#!/bin/sh\nsleep 0.3\n", "755");
        root.Write("etc/cont-finish.d/10-bye", "#!/bin/sh\necho \"finish: bye\"\n", "755");
        var r = Run(root, ["sh", "-c", "sleep 1000 & exit 3"], Env("S6_KILL_GRACETIME=0"));
        AssertRan(Banners.Boot() + "[cmd] sh exited 3\n" + Banners.Fin(1, 1) +
            "[cont-finish.d] 10-bye: executing... \nfinish: bye\n[cont-finish.d] 10-bye: exited 0.\n" + Banners.Fin(2),
            "", 3, r);
    }

    [Fact]
    public void A_TERM_proof_process_is_still_killed_by_the_finishs_s6_nuke_k_while_the_finish_survives()
    {
        using var root = UpstreamStage3Image();
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        root.Write("etc/services.d/svc/finish", "#!/bin/sh\nsleep 0.3\n", "755");
        var r = Run(root, ["sh", "-c", "(trap '' TERM HUP; exec sleep 1000) & exit 3"], Env("S6_KILL_GRACETIME=500"), seconds: 30);
        AssertRan(Banners.Boot() + "[cmd] sh exited 3\n" + Banners.Fin(), "", 3, r);
    }
}
