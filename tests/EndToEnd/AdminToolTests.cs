using System.Text.RegularExpressions;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The admin tool, usr/bin/execline-cs, in booted containers: `status` and `health` from inside (the CMD
/// runs them), and `check` on the demo image's root.
public class AdminToolTests
{
    /// The CMD: waits until health says all is up (5 s at most), prints status, health and its code, takes
    /// service b down, and prints health again.
    static string[] Probe(string scandir) =>
    [
        "/bin/sh", "-c", $"""
        for i in $(seq 50); do execline-cs health >/dev/null && break; sleep 0.1; done
        execline-cs status
        execline-cs health; echo "health=$?"
        s6-svc -d {scandir}/b
        s6-svwait -D {scandir}/b
        execline-cs health; echo "health=$?"
        execline-cs status --format json | grep -c '"name": "b", "kind": "[a-z]*", "state": "down", "pid": null'
        """,
    ];

    /// The probe's lines (not v2's banners) with pid and uptime (numbers that change from run to run) as N,
    /// and single spaces.
    static string Masked(string output) =>
        string.Concat(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('[')).Select(line =>
            Regex.Replace(Regex.Replace(line, " +", " "), @"^(\S+ \S+ up) \d+ \d+ ", "$1 N N ") + "\n"));

    [Fact]
    public void Status_and_health_show_the_services_of_a_v2_boot_and_health_names_one_taken_down()
    {
        using var root = Image();
        foreach (var name in new[] { "a", "b" }) root.Write($"etc/services.d/{name}/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        var r = Run(root, Probe("/var/run/s6/services"), Env("S6_KILL_GRACETIME=0"), seconds: 60);
        Assert.Equal(
            "NAME KIND STATE PID UPTIME RESTARTS READY LAST-EXIT\n" +
            "a service up N N 0 - -\n" +
            "b service up N N 0 - -\n" +
            "health=0\n" +
            "b: down (taken down, as by s6-svc -d, and it has no down file, last exit SIGTERM)\n" +
            "health=1\n" +
            "1\n", Masked(r.Out));
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Status_and_health_show_longruns_legacy_services_and_oneshots_of_a_v3_boot()
    {
        using var root = V3.Image();
        V3.Service(root, "b", ("type", "longrun\n"), ("run", "#!/bin/sh\nexec sleep 1000\n"));
        V3.DependsOn(root, "b", "base");
        V3.InUser(root, "b");
        V3.Service(root, "migrate", ("type", "oneshot\n"), ("up", "true\n"));
        V3.DependsOn(root, "migrate", "base");
        V3.InUser(root, "migrate");
        root.Write("etc/services.d/a/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        var r = V3.Run(root, Probe("/run/service"), V3.G0());
        Assert.Equal(
            "NAME KIND STATE PID UPTIME RESTARTS READY LAST-EXIT\n" +
            "a service up N N 0 - -\n" +
            "b longrun up N N 0 - -\n" +
            "s6-linux-init-shutdownd service down - - 0 - -\n" +
            "migrate oneshot up - - - - -\n" +
            "fix-attrs oneshot up - - - - -\n" +
            "legacy-cont-init oneshot up - - - - -\n" +
            "legacy-services oneshot up - - - - -\n" +
            "health=0\n" +
            "b: down (taken down, as by s6-svc -d, and it has no down file, last exit SIGTERM)\n" +
            "health=1\n" +
            "1\n", Masked(r.Out));
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void The_demo_image_root_has_no_finding_checked_from_the_host()
    {
        using var root = Image();
        Shell.Check("/bin/cp", "-a", Path.Combine(Repo.Root, "scripts/demo/image/."), root.Path);
        var r = Shell.Run(Path.Combine(Repo.Root, "out/local/usr/bin/execline-cs"), ["check", root.Path]);
        Assert.Equal(($"execline-cs check: {root.Path}: no problem found\n", "", 0), (r.Out, r.Err, r.ExitCode));
    }

    [Fact]
    public void Check_runs_inside_the_image_as_a_Dockerfile_RUN_would_and_finds_what_is_wrong()
    {
        // the busybox image has no libc: the tool runs on the loader and libraries the tarball brings
        using var root = Image();
        Shell.Check("/bin/cp", "-a", Path.Combine(Repo.Root, "scripts/demo/image/."), root.Path);
        var clean = Boot.Run(root, ["/usr/bin/execline-cs", "check", "/"]);
        Assert.Equal(("execline-cs check: /: no problem found\n", "", 0), (clean.Out, clean.Err, clean.ExitCode));
        root.Write("etc/services.d/httpd/run", "#!/usr/bin/execlineb -P\nfdmove -c 2 1\nhttpd2 -f\n", "755");
        var r = Boot.Run(root, ["/usr/bin/execline-cs", "check", "/"], new Dictionary<string, string> { ["S6_LOGGING"] = "3" });
        Assert.Equal((
            "/etc/services.d/httpd/run:3:1: error: command httpd2 not found (expected a builtin or a program in " +
            "/command:/usr/bin:/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/sbin)\n" +
            "(environment): error: S6_LOGGING is 3, out of range (expected a number from 0 to 2)\n" +
            "execline-cs check: /: 2 errors, 0 warnings\n", "", 1), (r.Out, r.Err, r.ExitCode));
    }
}

/// The admin tool in a real engine's image: `execline-cs check /` as a build step, `execline-cs health` as
/// the container's health check.
public class AdminToolPodmanTests
{
    const string Dockerfile = """
        FROM debian:bookworm-slim
        ADD overlay.tar.gz /
        RUN mkdir -p /etc/s6-overlay/s6-rc.d/app/dependencies.d \
         && echo longrun > /etc/s6-overlay/s6-rc.d/app/type \
         && printf '#!/command/execlineb -P\nforeground { echo app up }\nsleep 100000\n' > /etc/s6-overlay/s6-rc.d/app/run \
         && chmod 755 /etc/s6-overlay/s6-rc.d/app/run \
         && touch /etc/s6-overlay/s6-rc.d/app/dependencies.d/base /etc/s6-overlay/user-bundles.d/user/contents.d/app
        RUN execline-cs check /
        ENTRYPOINT ["/init"]
        """;

    [PodmanFact]
    public void A_health_check_with_execline_cs_health_turns_unhealthy_when_a_service_is_taken_down()
    {
        var tag = Podman.BuildWithTarball(Dockerfile);
        var name = "execline-cs-health-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Assert.Equal(0, Podman.Run("run", "-d", "--pull=never", "--name", name, "--health-cmd", "execline-cs health",
                "--health-interval", "disable", tag, "sleep", "100000").ExitCode);
            var logs = Podman.Run("logs", name);
            for (int i = 0; i < 100 && !logs.Out.Contains("app up"); i++)
            {
                Thread.Sleep(100);
                logs = Podman.Run("logs", name);
            }
            Assert.Equal(0, Podman.Run("healthcheck", "run", name).ExitCode);
            Assert.Equal(0, Podman.Run("exec", name, "s6-svc", "-d", "/run/service/app").ExitCode);
            Assert.Equal(0, Podman.Run("exec", name, "s6-svwait", "-D", "/run/service/app").ExitCode);
            Assert.Equal(1, Podman.Run("healthcheck", "run", name).ExitCode);
            var health = Podman.Run("exec", name, "execline-cs", "health");
            Assert.Equal(("app: down (taken down, as by s6-svc -d, and it has no down file, last exit SIGTERM)\n", 1), (health.Out, health.ExitCode));
        }
        finally
        {
            Podman.Run("rm", "-f", name);
            Podman.RemoveImage(tag);
        }
    }
}
