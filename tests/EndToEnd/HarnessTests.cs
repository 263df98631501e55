namespace Execline.Tests.EndToEnd;

/// The boot harness itself (scripts/container.sh): what a command booted by it sees and gets.
public class HarnessTests
{
    [Fact]
    public void A_booted_command_is_pid_1_with_dockers_environment_hostname_and_only_loopback()
    {
        using var root = Rootfs.Busybox();
        var env = Boot.Run(root, ["/bin/env"], new Dictionary<string, string> { ["FOO"] = "bar baz" }, workdir: "/tmp");
        Assert.Equal("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOME=/root\nHOSTNAME=c\nFOO=bar baz\n", env.Out);
        var r = Boot.Run(root, ["/bin/sh", "-c", "echo $$; hostname; pwd; ls /sys/class/net 2>/dev/null || ip -o link | cut -d: -f2"],
            workdir: "/tmp");
        Assert.Equal("", r.Err);
        Assert.Equal("1\nc\n/tmp\n lo\n", r.Out);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void A_signal_from_outside_reaches_pid_1()
    {
        using var root = Rootfs.Busybox();
        var booted = Boot.Start(root, ["/bin/sh", "-c", "trap 'echo got TERM; exit 7' TERM; echo up > /run/up; sleep 100 & wait"]);
        for (var i = 0; i < 500 && !File.Exists($"/proc/{booted.HostPid1}/root/run/up"); i++) Thread.Sleep(10);
        booted.Signal(15);
        var r = booted.Wait(TimeSpan.FromSeconds(30));
        Assert.Equal("got TERM\n", r.Out);
        Assert.Equal(7, r.ExitCode);
    }
}
