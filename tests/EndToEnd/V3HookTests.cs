using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// rc.init's own settings under v3 (spec §2.6, §3.2): S6_STAGE2_HOOK, the user bundles' old place,
/// S6_RUNTIME_BUNDLEDIR and S6_RUNTIME_PROFILE.
public class V3HookTests
{
    [Fact]
    public void S59_the_hook_runs_first_its_words_split_not_parsed_as_shell_code()
    {
        using var root = V3.Image();
        var r = V3.Run(root, ["echo", "CMD"], V3.G0("S6_STAGE2_HOOK=echo hook-ran $HOME"));
        AssertRan("hook-ran $HOME\nCMD\n", V3.Pre + V3.Rci + "info: hook echo hook-ran $HOME exited 0\n" + V3.Empty + V3.Up + V3.Down, 0, r);
    }

    [Fact]
    public void S60_S62_a_failing_hook_is_a_warning_and_the_boot_goes_on()
    {
        using var root = V3.Image();
        var r = V3.Run(root, ["echo", "CMD"], V3.G0("S6_STAGE2_HOOK=/nonexistent-hook"));
        Assert.Equal("CMD\n", r.Out);
        Assert.Contains(V3.Rci + "warning: hook /nonexistent-hook exited 127\n" + V3.Empty + V3.Up, r.Err);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void S61_a_failing_hook_with_S6_BEHAVIOUR_IF_STAGE2_FAILS_2_stops_the_container_with_its_code()
    {
        using var root = V3.Image();
        AssertRan("", V3.Pre + V3.Rci + "fatal: hook false exited 1\n", 1,
            V3.Run(root, ["echo", "CMD"], V3.G0("S6_STAGE2_HOOK=false", "S6_BEHAVIOUR_IF_STAGE2_FAILS=2")));
    }

    [Fact]
    public void A_hook_may_change_the_later_settings_through_the_container_environment()
    {
        using var root = V3.Image();
        root.Write("hook", "#!/bin/sh\nprintf 'echo from-hook\\n' > /run/s6/container_environment/S6_CMD_ARG0\n", "755");
        var r = V3.Run(root, ["CMD"], V3.G0("S6_STAGE2_HOOK=/hook", "S6_VERBOSITY=1"));
        AssertRan("from-hook CMD\n", "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n", 0, r);
    }

    [Fact]
    public void S63_user_bundles_in_their_old_place_still_work_and_are_completed_with_a_warning()
    {
        using var root = InitContainer.Image();
        root.Write("etc/s6-overlay/s6-rc.d/user/type", "bundle\n");
        root.Write("etc/s6-overlay/s6-rc.d/user/contents.d/O1", "");
        V3.Service(root, "O1", ("type", "oneshot\n"), ("up", "echo old-layout-O1\n"));
        var r = V3.Run(root, ["true"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("old-layout-O1\n", r.Out);
        Assert.StartsWith(V3.Pre + V3.Rci + "warning: defining user bundles in /etc/s6-overlay/s6-rc.d is deprecated, please define them in /etc/s6-overlay/user-bundles.d instead\n", r.Err);
        Assert.DoesNotContain(V3.Empty, r.Err);
        Assert.Equal("bundle\n", File.ReadAllText(root.At("etc/s6-overlay/s6-rc.d/user2/type")));
        Assert.True(Directory.Exists(root.At("etc/s6-overlay/s6-rc.d/user2/contents.d")));
    }

    [Fact]
    public void S64_S6_RUNTIME_BUNDLEDIR_chooses_the_user_bundles()
    {
        using var root = V3.Image();
        V3.Service(root, "O1", ("type", "oneshot\n"), ("up", "echo O1\n"));
        V3.Service(root, "O2", ("type", "oneshot\n"), ("up", "echo O2\n"));
        V3.InUser(root, "O1");
        foreach (var bundle in new[] { "user", "user2" })
        {
            root.Write($"etc/alt/{bundle}/type", "bundle\n");
            Directory.CreateDirectory(root.At($"etc/alt/{bundle}/contents.d"));
        }
        root.Write("etc/alt/user/contents.d/O2", "");
        var r = V3.Run(root, ["true"], V3.G0("S6_RUNTIME_BUNDLEDIR=/etc/alt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("O2\n", r.Out);
        Assert.DoesNotContain("service O1", r.Err);
    }

    [Fact]
    public void S66_S6_RUNTIME_PROFILE_takes_services_bundles_and_legacy_directories_from_the_profile()
    {
        using var root = InitContainer.Image();
        var profile = "etc/cont-profile.d/dev/";
        root.Write(profile + "s6-overlay/s6-rc.d/pp/type", "oneshot\n");
        root.Write(profile + "s6-overlay/s6-rc.d/pp/up", "echo profile-pp\n");
        root.Write(profile + "s6-overlay/user-bundles.d/user/type", "bundle\n");
        root.Write(profile + "s6-overlay/user-bundles.d/user/contents.d/pp", "");
        root.Write(profile + "s6-overlay/user-bundles.d/user2/type", "bundle\n");
        Directory.CreateDirectory(root.At(profile + "s6-overlay/user-bundles.d/user2/contents.d"));
        root.Write(profile + "cont-init.d/10", "#!/bin/sh\necho profile cont-init\n", "755");
        var r = V3.Run(root, ["true"], V3.G0("S6_RUNTIME_PROFILE=dev"));
        Assert.Equal(0, r.ExitCode);
        // pp depends on nothing: it runs beside cont-init.d
        Assert.Equal(["profile cont-init", "profile-pp"], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Contains("cont-init: info: running /etc/cont-profile.d/dev/cont-init.d/10\n", r.Err);
        Assert.Contains("s6-rc: info: service pp: starting\n", r.Err);
        Assert.DoesNotContain("is empty", r.Err);
    }
}
