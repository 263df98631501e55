using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// Services declared in /etc/s6-overlay/s6-rc.d under v3 (spec §3, §4, §16): order and parallelism, failures,
/// compile errors, longruns that stop the container.
public class V3ServiceTests
{
    static void Before(string text, string first, string then) =>
        Assert.True(text.IndexOf(first) >= 0 && text.IndexOf(first) < text.IndexOf(then), $"'{first}' should come before '{then}' in:\n{text}");

    static string Line(string service, string what) => $"s6-rc: info: service {service}{what}\n";

    [Fact]
    public void S55_longruns_oneshots_and_bundles_come_up_in_dependency_order_and_down_in_reverse()
    {
        using var root = V3.Image();
        foreach (var n in new[] { "A", "B" })
        {
            V3.Service(root, n, ("type", "oneshot\n"), ("up", $"sh -c \"echo {n} start; sleep 0.3; echo {n} end\"\n"));
            V3.DependsOn(root, n, "base");
        }
        V3.Service(root, "C", ("type", "oneshot\n"), ("up", "sh -c \"echo C; echo RC_NAME=$RC_NAME\"\n"));
        V3.DependsOn(root, "C", "A");
        V3.DependsOn(root, "C", "B");
        V3.Service(root, "L", ("type", "longrun\n"), ("run", "#!/bin/sh\necho L up\nexec sleep 1000\n"));
        V3.InUser(root, "C");
        V3.InUser(root, "L");
        var r = V3.Run(root, ["echo", "CMD"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        // A dependency-free longrun starts first, before the oneshot runner; A and B together once base is
        // up (both started before either ends); C once both are done; legacy-services after all of user.
        Assert.StartsWith(V3.Pre + Line("L", ": starting"), r.Err);
        Before(r.Err, Line("legacy-cont-init", ": starting"), Line("A", ": starting"));
        Before(r.Out, "A start\n", "B end\n");
        Before(r.Out, "B start\n", "A end\n");
        Before(r.Err, Line("A", ": starting"), Line("C", ": starting"));
        // s6-rc says C is starting before it says the second of A and B started
        Assert.True(r.Err.IndexOf(Line("C", ": starting")) > Math.Min(r.Err.IndexOf(Line("A", " successfully started")),
            r.Err.IndexOf(Line("B", " successfully started"))), r.Err);
        Before(r.Out, "A end\n", "C\n");
        Assert.Contains("C\nRC_NAME=C\n", r.Out);
        Before(r.Err, Line("C", ": starting"), Line("legacy-services", ": starting"));
        Assert.EndsWith("CMD\n", r.Out);
        // Down: legacy-services, C and L first, A and B once C is down, then legacy-cont-init, fix-attrs (s6-rc
        // says what a completion unblocks before it says the completion).
        var down = r.Err[r.Err.IndexOf(Line("legacy-services", ": stopping"))..];
        Before(down, Line("C", ": stopping"), Line("A", ": stopping"));
        Before(down, Line("C", ": stopping"), Line("B", ": stopping"));
        Before(down, Line("A", ": stopping"), Line("legacy-cont-init", ": stopping"));
        Before(down, Line("B", ": stopping"), Line("legacy-cont-init", ": stopping"));
        Before(down, Line("legacy-cont-init", ": stopping"), Line("fix-attrs", ": stopping"));
        Assert.Contains(Line("fix-attrs", " successfully stopped"), r.Err);
    }

    [Fact]
    public void S56_a_failing_oneshot_stops_what_depends_on_it_and_a_timeout_fails_its_service()
    {
        using var root = V3.Image();
        V3.Service(root, "F", ("type", "oneshot\n"), ("up", "sh -c \"echo F failing; exit 3\"\n"));
        V3.DependsOn(root, "F", "base");
        V3.Service(root, "G", ("type", "oneshot\n"), ("up", "echo G runs\n"));
        V3.DependsOn(root, "G", "F");
        V3.Service(root, "H", ("type", "longrun\n"), ("run", "#!/bin/sh\nexec sleep 1000\n"));
        V3.Service(root, "T", ("type", "oneshot\n"), ("up", "sleep 5\n"), ("timeout-up", "300\n"));
        foreach (var n in new[] { "G", "H", "T" }) V3.InUser(root, n);
        var r = V3.Run(root, ["echo", "CMD"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("F failing\nCMD\n", r.Out);
        Assert.Contains("s6-rc: warning: unable to start service F: command exited 3\n", r.Err);
        Assert.Contains("s6-rc: warning: unable to start service T: command exited ", r.Err);
        Assert.DoesNotContain("service G", r.Err);
        Assert.DoesNotContain("service legacy-services", r.Err);
    }

    /// s6-overlay's rc.init dies of a compile error without a word of its own, and the container runs on,
    /// doing nothing, until it is stopped. Here it says so and stops, with s6-rc-compile's exit code.
    [Theory]
    [InlineData("base", "oneshot\n", "s6-rc-compile: fatal: duplicate service definition: base defined in /package/admin/s6-overlay-3.2.3.2/etc/s6-rc/sources is already defined and has type oneshot\n", 1)]
    [InlineData("Y", "longrunx\n", "s6-rc-compile: fatal: invalid /etc/s6-overlay/s6-rc.d/Y/type: must be oneshot, longrun, or bundle\n", 1)]
    [InlineData("Z", "longrun\n", "s6-rc-compile: fatal: unable to find a run script in /etc/s6-overlay/s6-rc.d/Z/run\n", 1)]
    public void S57_a_compile_error_is_said_and_stops_the_container_before_anything_starts(string name, string type, string error, int code)
    {
        using var root = V3.Image();
        V3.Service(root, name, ("type", type), ("up", "echo x\n"));
        var r = V3.Run(root, ["echo", "CMD"], V3.G0());
        AssertRan("", V3.Pre + error + V3.Rci + $"fatal: s6-rc-compile exited {code}: no service can start; stopping the container.\n",
            code, r);
    }

    [Fact]
    public void S32_a_longrun_finish_script_sets_the_exit_code_and_halts()
    {
        using var root = V3.Image();
        root.Write("etc/s6-overlay/s6-rc.d/app/type", "longrun\n");
        root.Write("etc/s6-overlay/s6-rc.d/app/run", "#!/bin/sh\necho rc-app running\nsleep 0.3\nkill -TERM $$\n", "644");
        root.Write("etc/s6-overlay/s6-rc.d/app/finish", "#!/bin/sh\necho \"rc finish: [$1] [$2]\"\n" +
            "echo 43 > /run/s6-linux-init-container-results/exitcode\n/run/s6/basedir/bin/halt\n", "644");
        V3.DependsOn(root, "app", "base");
        V3.InUser(root, "app");
        var r = V3.Run(root, [], V3.G0());
        Assert.Equal(43, r.ExitCode);
        Assert.StartsWith("rc-app running\nrc finish: [256] [15]\n", r.Out);
        Assert.Contains(Line("app", " successfully started"), r.Err);
        Before(r.Err, Line("app", ": stopping"), Line("app", " successfully stopped"));
    }

    [Fact]
    public void S72_an_essential_longrun_is_not_stopped_by_s6_rc_d_nor_at_shutdown()
    {
        using var root = V3.Image();
        V3.Service(root, "E", ("type", "longrun\n"), ("run", "#!/bin/sh\nexec sleep 1000\n"), ("flag-essential", ""), ("down", ""));
        V3.DependsOn(root, "E", "base");
        V3.InUser(root, "E");
        var r = V3.Run(root, ["sh", "-c", "s6-rc -d change E; echo rc=$?"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("rc=0\n", r.Out);
        var warning = "s6-rc: warning: service E is marked as essential, not stopping it\n";
        Assert.Equal(2, r.Err.Split(warning).Length - 1);
    }

    [Fact]
    public void S65_a_pipeline_joins_a_producer_to_its_logger()
    {
        using var root = V3.Image();
        V3.Service(root, "prod", ("type", "longrun\n"), ("producer-for", "cons\n"),
            ("run", "#!/bin/sh\ni=1\nwhile :; do echo line $i; i=$((i + 1)); sleep 0.3; done\n"));
        V3.Service(root, "cons", ("type", "longrun\n"), ("consumer-for", "prod\n"), ("pipeline-name", "mypipe\n"),
            ("run", "#!/bin/sh\nwhile read l; do echo got: $l; done\n"));
        V3.DependsOn(root, "prod", "base");
        V3.DependsOn(root, "cons", "base");
        V3.InUser(root, "mypipe");
        var r = V3.Run(root, ["sh", "-c", "sleep 1.2; ls /run/service"], V3.G0());
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("got: line 1\ngot: line 2\n", r.Out);
        Assert.Contains("cons\nprod\ns6-linux-init-shutdownd\ns6rc-fdholder\ns6rc-oneshot-runner\n", r.Out);
    }
}
