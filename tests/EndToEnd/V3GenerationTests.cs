using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// One tarball, two generations: /init boots an image of s6-overlay v3 the v3 way and any other as v2 does
/// (README, "Which boot"); S6_OVERLAY_GENERATION decides instead when it is set.
public class V3GenerationTests
{
    [Fact]
    public void An_image_with_only_v2_directories_boots_as_s6_overlay_v2()
    {
        using var root = InitContainer.Image();
        root.Write("etc/cont-init.d/10", "#!/bin/sh\necho ran 10\n", "755");
        var r = V3.Run(root, ["echo", "CMD"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        Assert.StartsWith(Banners.Boot(1, 5) + "[cont-init.d] 10: executing... \nran 10\n", r.Out);
    }

    [Fact]
    public void An_image_with_a_service_in_s6_rc_d_boots_as_s6_overlay_v3()
    {
        using var root = InitContainer.Image();
        V3.Service(root, "one", ("type", "oneshot\n"), ("up", "echo one ran\n"));
        V3.InUser(root, "one");
        var r = V3.Run(root, ["echo", "CMD"], V3.G0("S6_VERBOSITY=1"));
        AssertRan("one ran\nCMD\n", "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n", 0, r);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public void S6_OVERLAY_GENERATION_forces_the_boot_of_either_generation(string generation)
    {
        using var root = InitContainer.Image();
        if (generation == "2") V3.Service(root, "one", ("type", "oneshot\n"), ("up", "echo one ran\n"));
        var r = V3.Run(root, ["echo", "CMD"], V3.G0("S6_OVERLAY_GENERATION=" + generation, "S6_VERBOSITY=1"));
        Assert.Equal(0, r.ExitCode);
        if (generation == "2") Assert.StartsWith(Banners.Boot(1, 1), r.Out);
        else AssertRan("CMD\n", "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n", 0, r);
    }
}
