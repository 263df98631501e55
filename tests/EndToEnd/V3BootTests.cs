using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// s6-overlay v3's boot on our tarball: the transcripts, the CMD and its environment (spec §2, §16).
public class V3BootTests
{
    [Fact]
    public void S02_a_CMD_runs_between_the_boot_and_the_shutdown_transcripts()
    {
        using var root = V3.Image();
        AssertRan("hello\n", V3.Boot + V3.Down, 0, V3.Run(root, ["echo", "hello"], V3.G0()));
    }

    [Fact]
    public void S07_S6_CMD_ARG0_goes_in_front_of_the_CMD()
    {
        using var root = V3.Image();
        AssertRan("hello world\n", V3.Boot + V3.Down, 0, V3.Run(root, ["hello", "world"], V3.G0("S6_CMD_ARG0=echo")));
    }

    [Fact]
    public void S08_S6_CMD_ARG0_is_split_and_globbed_as_a_shell_does()
    {
        using var root = V3.Image();
        var names = string.Join(" ", Directory.GetFileSystemEntries(root.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        AssertRan($"a {names} x\n", V3.Boot + V3.Down, 0, V3.Run(root, ["x"], V3.G0("S6_CMD_ARG0=echo a   *")));
    }

    [Fact]
    public void S09_the_CMD_gets_PATH_alone_not_the_container_environment()
    {
        using var root = V3.Image();
        var r = V3.Run(root, ["sh", "-c", "env | sort"], V3.G0("FOO=bar", "SPACED=a b"));
        AssertRan("PATH=/command:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/\nSHLVL=1\n",
            V3.Boot + V3.Down, 0, r);
    }

    /// Process 1 is s6-svscan by name once stage 1 is over, as s6-linux-init's exec makes it (ps, pidof and
    /// pgrep find it), though it is renamed in place, without an exec: its argv where the kernel keeps /init's.
    [Fact]
    public void Process_1_is_s6_svscan_by_name_with_its_arguments()
    {
        using var root = V3.Image();
        AssertRan("s6-svscan\ns6-svscan\n/run/service\n", V3.Boot + V3.Down, 0,
            V3.Run(root, ["sh", "-c", "cat /proc/1/comm; tr '\\0' '\\n' </proc/1/cmdline | grep ."], V3.G0()));
    }

    /// Renamed in place, process 1 still has on its heap what it allocated running the stage scripts; it
    /// gives that back once the boot is over (and its loop quiet for 100 ms), with what setting up twenty
    /// services added. Without that, about 2.3 MB of it stayed resident; after, about 0.7.
    [Fact]
    public void Process_1_gives_its_heap_back_once_the_boot_is_over()
    {
        using var root = V3.Image();
        for (int i = 0; i < 20; i++)
        {
            V3.Service(root, $"s{i}", ("type", "longrun\n"), ("run", "#!/bin/sh\nexec sleep 1000\n"));
            V3.InUser(root, $"s{i}");
        }
        var r = V3.Run(root, ["sh", "-c", "sleep 1; awk '/^Anonymous:/ { print $2 }' /proc/1/smaps_rollup"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        Assert.InRange(int.Parse(r.Out.Trim()), 1, 1500);
    }

    [Fact]
    public void S70_S6_VERBOSITY_1_leaves_only_the_warning_of_the_essential_runner()
    {
        using var root = V3.Image();
        AssertRan("CMD\n", "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n", 0,
            V3.Run(root, ["echo", "CMD"], V3.G0("S6_VERBOSITY=1")));
    }

    [Fact]
    public void S74_init_waits_for_the_container_manager_to_write_or_close_fd_3_before_the_boot()
    {
        using var root = V3.Image();
        var r = Boot.Run(root, ["/bin/sh", "-c",
            "mkfifo /f; (sleep 0.5; touch /written; echo go >/f) & exec /init sh -c 'test -e /written && echo waited' 3<>/f"],
            V3.G0(), TimeSpan.FromSeconds(30));
        AssertRan("waited\n", V3.Boot + V3.Down, 0, r);
    }

    [Fact]
    public void S75_S6_WAIT_FOR_CLOSING_FD_waits_for_the_manager_and_says_so_when_it_wrote_instead()
    {
        using var root = V3.Image();
        var r = Boot.Run(root, ["/bin/sh", "-c",
            "mkfifo /f; (sleep 0.5; touch /written; echo x >/f) & exec /init sh -c 'test -e /written && echo waited' 4<>/f"],
            V3.G0("S6_WAIT_FOR_CLOSING_FD=4"), TimeSpan.FromSeconds(30));
        AssertRan("waited\n", V3.Pre + "s6-linux-init: warning: parent wrote to readiness fd!\n" + V3.Empty + V3.Up + V3.Down, 0, r);
    }

    /// A read-only root with a tmpfs /run needs nothing of S6_READ_ONLY_ROOT (v3 writes only to /run). The
    /// runner's read-only root comes with a tmpfs /var, whose missing /var/run preinit makes.
    [Fact]
    public void S53_a_read_only_root_boots_normally()
    {
        using var root = V3.Image();
        var r = Boot.Run(root, ["/init", "sh", "-c", "touch /x 2>/dev/null || echo read-only"], V3.G0(), TimeSpan.FromSeconds(30), readOnlyRoot: true);
        AssertRan("read-only\n", V3.Pre + "/package/admin/s6-overlay/libexec/preinit: warning: /var/run is not a symlink to /run, fixing it\n" +
            V3.Empty + V3.Up + V3.Down, 0, r);
    }

    /// A docker stop before the supervisor reads signals (here as soon as preinit has made /run/s6) is
    /// held, then taken by .s6-svscan/SIGTERM: the container stops cleanly, with 0.
    [Fact]
    public void A_SIGTERM_early_in_the_boot_stops_the_container_with_0()
    {
        using var root = V3.Image();
        var booted = InitContainer.Start(root, ["sleep", "30"], V3.G0());
        V3.Await(booted, "/run/s6");
        Booted.SignalNow(booted.HostPid1, 15);
        var r = booted.Wait(TimeSpan.FromSeconds(30));
        Assert.False(r.TimedOut, r.Err);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
    }
}
