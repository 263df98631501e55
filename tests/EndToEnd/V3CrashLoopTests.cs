using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The crash-loop policy under a v3 boot: an s6-rc longrun's `crash-loop` reaches its live service
/// directory, and giving up with an exit code halts the container as `haltwith` does (rc.shutdown, the
/// services down in order, then the code).
public class V3CrashLoopTests
{
    [Fact]
    public void A_longrun_giving_up_with_an_exit_code_halts_the_container_with_it()
    {
        using var root = V3.Image();
        V3.Service(root, "app", ("type", "longrun\n"), ("run", "#!/bin/sh\necho app start\nexit 1\n"),
            ("crash-loop", "give-up=2/1m then=exit:6\n"));
        V3.DependsOn(root, "app", "base");
        V3.InUser(root, "app");
        var r = V3.Run(root, [], V3.G0());
        Assert.Equal(6, r.ExitCode);
        Assert.Equal("app start\napp start\n", r.Out);
        Assert.Contains("s6-supervise app: warning: run died 2 times within 60000 ms: giving up (crash-loop) and stopping the container with exit code 6\n", r.Err);
        // Then rc.shutdown takes every service down in order (app and legacy-services stop in parallel).
        string gaveUp = "s6-supervise app: warning: run died 2 times within 60000 ms: giving up (crash-loop) and stopping the container with exit code 6\n";
        Assert.Contains(gaveUp + "s6-rc: info: service legacy-services: stopping\n", r.Err);
        Assert.Contains("s6-rc: info: service app successfully stopped\n", r.Err);
        Assert.EndsWith("s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n" +
            "s6-rc: info: service fix-attrs successfully stopped\n", r.Err);
    }

    [Fact]
    public void S6_CRASH_LOOP_from_the_container_environment_gives_a_legacy_service_up()
    {
        using var root = V3.Image();
        root.Write("etc/services.d/svc/run", "#!/bin/sh\necho svc start\nexit 1\n", "755");
        var r = V3.Run(root, [], V3.G0("S6_CRASH_LOOP=give-up=2/1m then=exit:9"));
        Assert.Equal(9, r.ExitCode);
        Assert.Equal("svc start\nsvc start\n", r.Out);
        Assert.Contains("s6-supervise svc: warning: run died 2 times within 60000 ms: giving up (crash-loop) and stopping the container with exit code 9\n", r.Err);
    }
}
