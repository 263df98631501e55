using System.Text.Json;

namespace Execline.Tests.Admin;

/// `execline-cs check ROOT`: one image per kind of finding, each asserting the exact report and exit code.
public class CheckTests
{
    const string El = "#!/command/execlineb -P\n";

    static void AssertReport(Image image, int code, string summary, Ran r, params string[] findings)
    {
        Assert.Equal("", r.Err);
        Assert.Equal(string.Concat(findings.Select(f => f + "\n")) + $"execline-cs check: {image.Root}: {summary}\n", r.Out);
        Assert.Equal(code, r.Code);
    }

    /// Every kind of script and definition, each right: nothing to say.
    static Image Clean() =>
        Image.Base()
            .Write("/etc/services.d/web/run", El + "fdmove -c 2 1\nif { s6-echo starting }\nimportas -u PORT PORT\ns6-setuidgid nobody\n/bin/sleep ${PORT}\n", "755")
            .Write("/etc/services.d/web/finish", "#!/bin/sh\nexit 0\n", "755")
            .Write("/etc/services.d/web/log/run", El + "s6-log -b n3 T /var/log/web\n", "755")
            .Write("/etc/cont-init.d/10-setup", "#!/bin/sh\necho setup\n", "755")
            .Write("/etc/cont-finish.d/10-bye", El + "foreground { s6-echo bye } exit 0\n", "755")
            .Write("/etc/fix-attrs.d/01-data", "/var/lib/data true nobody 0644 0755\n/srv false root:65534 - 0700\n")
            .Rc("db", "longrun", ("run", El + "sleep 1000\n"), ("notification-fd", "3\n"))
            .Rc("migrate", "oneshot", ("up", "/etc/s6-overlay/scripts/migrate\n"), ("down", "s6-echo down\n"))
            .Write("/etc/s6-overlay/s6-rc.d/migrate/dependencies.d/db", "")
            .Write("/etc/s6-overlay/scripts/migrate", El + "s6-echo migrated\n", "755")
            .Rc("user", "bundle")
            .Write("/etc/s6-overlay/s6-rc.d/user/contents.d/migrate", "");

    [Fact]
    public void A_clean_image_has_no_finding_and_exits_0()
    {
        using var image = Clean();
        AssertReport(image, 0, "no problem found", image.Check());
    }

    [Fact]
    public void An_execline_syntax_error_is_reported_where_execlineb_reports_it()
    {
        using var image = Image.Base()
            .Write("/etc/services.d/web/run", El + "foreground {\n  s6-echo hi\n", "755")
            .Write("/etc/cont-init.d/10", El + "s6-echo \"unclosed\n", "755")
            .Rc("app", "oneshot", ("up", "if { s6-echo a } }\n"));
        AssertReport(image, 1, "3 errors, 0 warnings", image.Check(),
            "/etc/services.d/web/run:2:12: error: unmatched {: this block is never closed",
            "/etc/cont-init.d/10:3:1: error: syntax error: the quoted string opened at line 2, column 9 is never closed",
            "/etc/s6-overlay/s6-rc.d/app/up:1:18: error: unmatched }: no block is open here");
    }

    [Fact]
    public void An_interpreter_missing_from_the_image_is_reported_even_when_the_host_has_it()
    {
        // /bin/bash exists on the host, not in the image; /usr/bin/env is a link inside the image to a
        // file that the image lacks
        using var image = Image.Base()
            .Write("/etc/cont-init.d/10-bash", "#!/bin/bash\necho\n", "755")
            .Link("/usr/bin/env", "/bin/busybox")
            .Write("/etc/cont-init.d/20-env", "#!/usr/bin/env sh\necho\n", "755")
            .Link("/bin/dash", "sh")
            .Write("/etc/cont-init.d/30-dash", "#! /bin/dash\necho\n", "755")
            .Write("/etc/services.d/web/run", "exec sleep 1\n", "755")
            .Write("/etc/s6-overlay/scripts/helper", "#!bin/sh\necho\n", "755");
        AssertReport(image, 1, "4 errors, 0 warnings", image.Check(),
            "/etc/services.d/web/run:1:1: error: no #! line (expected an interpreter line such as #!/command/execlineb -P or #!/bin/sh: exec fails with Exec format error)",
            "/etc/cont-init.d/10-bash:1:3: error: interpreter /bin/bash not found in the image (expected an executable file at that path)",
            "/etc/cont-init.d/20-env:1:3: error: interpreter /usr/bin/env not found in the image (expected an executable file at that path)",
            "/etc/s6-overlay/scripts/helper:1:3: error: interpreter bin/sh is not an absolute path (expected #!/command/execlineb or another absolute path)");
    }

    [Fact]
    public void An_up_file_written_as_a_shell_script_is_reported()
    {
        using var image = Image.Base()
            .Rc("setup", "oneshot", ("up", "#!/bin/sh\nif [ -f /x ]; then echo; fi\n"), ("down", "#!/command/execlineb -P\ns6-echo down\n"));
        AssertReport(image, 1, "1 error, 0 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/setup/up:1:1: error: up starts with #!/bin/sh, but s6-rc reads it as an execline command line, not a script " +
            "(expected a command line, such as the path of a script in /etc/s6-overlay/scripts)");
    }

    [Fact]
    public void A_script_the_init_execs_without_an_execute_bit_is_reported()
    {
        using var image = Image.Base()
            .Write("/etc/services.d/web/run", El + "sleep 1\n", "644")
            .Write("/etc/services.d/web/finish", "#!/bin/sh\n", "600")
            .Write("/etc/cont-init.d/10", "#!/bin/sh\n", "644")
            .Dir("/etc/cont-finish.d/subdir")
            .Rc("db", "longrun", ("run", El + "sleep 1\n"));
        File.SetUnixFileMode(image.Root + "/etc/s6-overlay/s6-rc.d/db/run", (UnixFileMode)Convert.ToInt32("644", 8));
        const string Expected = "(expected an executable file, chmod 0755: s6-overlay v3 exits 126 here)";
        AssertReport(image, 1, "5 errors, 0 warnings", image.Check(),
            $"/etc/services.d/web/run: error: not executable {Expected}",
            $"/etc/services.d/web/finish: error: not executable {Expected}",
            $"/etc/cont-init.d/10: error: not executable {Expected}",
            $"/etc/cont-finish.d/subdir: error: not a regular file {Expected}",
            $"/etc/s6-overlay/s6-rc.d/db/run: error: not executable {Expected}");
    }

    [Fact]
    public void A_command_neither_ours_nor_in_the_image_is_reported_and_a_substituted_one_is_not()
    {
        using var image = Image.Base()
            .Write("/usr/local/bin/myapp", "", "755")
            .Write("/etc/services.d/web/run", El +
                "foreground { nginx -t }\n" +
                "backtick -n V { /usr/local/bin/myapp --version }\n" +
                "ifelse { /opt/missing } { s6-echo a } \n" +
                "define X y\n" +
                "${X}\n", "755")
            .Write("/etc/cont-init.d/10", El + "with-contenv\nif -t { redirfd -w 1 /dev/null myapp }\n$1 arg\n", "755");
        const string Path = "/command:/usr/bin:/bin";
        AssertReport(image, 1, "3 errors, 0 warnings", image.Check(),
            $"/etc/services.d/web/run:2:14: error: command nginx not found (expected a builtin or a program in {Path})",
            "/etc/services.d/web/run:4:10: error: command /opt/missing not found in the image (expected an existing file)",
            $"/etc/cont-init.d/10:3:32: error: command myapp not found (expected a builtin or a program in {Path})");
    }

    [Fact]
    public void A_command_is_found_in_the_image_PATH_given_with_env()
    {
        using var image = Image.Base()
            .Write("/usr/local/bin/myapp", "", "755")
            .Write("/etc/cont-init.d/10", El + "myapp\n", "755");
        AssertReport(image, 0, "no problem found", image.Check("--env", "PATH=/usr/local/bin:/usr/bin"));
    }

    [Fact]
    public void A_fix_attrs_line_with_bad_fields_is_reported()
    {
        using var image = Image.Base()
            .Write("/etc/fix-attrs.d/01", "/var/lib true root 0644 0755\n" +
                "/a true root 0644\n" +
                "/b true root 0648 0755\n" +
                "/c true root 0644 rwx\n" +
                "/d yes root 0644 0755\n" +
                "/e true www-data 0644 0755\n" +
                "/f true root:wheel 0644 0755\n" +
                "/g true www-data,33:33 0644 0755\n" +
                "/h true root,x 0644 0755\n" +
                "/i true root 0644 0755");
        AssertReport(image, 1, "6 errors, 2 warnings", image.Check(),
            "/etc/fix-attrs.d/01:2:1: error: 4 fields instead of 5 (path recurse account fmode dmode), fix-attrs skips the line",
            "/etc/fix-attrs.d/01:3:1: error: invalid file mode: 0648, fix-attrs skips the line",
            "/etc/fix-attrs.d/01:4:1: error: invalid directory mode: rwx, fix-attrs skips the line",
            "/etc/fix-attrs.d/01:5:4: warning: recurse is yes, taken as false (expected true or false)",
            "/etc/fix-attrs.d/01:6:9: error: user www-data not in the image's /etc/passwd or /etc/group, fix-attrs skips the line (expected a known account, or a ,uid:gid fallback)",
            "/etc/fix-attrs.d/01:7:9: error: group wheel not in the image's /etc/passwd or /etc/group, fix-attrs skips the line (expected a known account, or a ,uid:gid fallback)",
            "/etc/fix-attrs.d/01:9:1: error: invalid fallback uid:gid: x, fix-attrs skips the line",
            "/etc/fix-attrs.d/01:10:23: warning: last line has no newline, fix-attrs skips it (expected a newline at its end)");
    }

    [Fact]
    public void An_unknown_dependency_is_reported_as_s6_rc_compile_reports_it()
    {
        using var image = Image.Base()
            .Rc("web", "longrun", ("run", El + "sleep 1\n"))
            .Write("/etc/s6-overlay/s6-rc.d/web/dependencies.d/database", "");
        AssertReport(image, 1, "1 error, 0 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/web: error: s6-rc-compile: during dependency resolution for service web: undefined service name database");
    }

    [Fact]
    public void A_dependency_cycle_is_reported_as_s6_rc_compile_reports_it()
    {
        using var image = Image.Base()
            .Rc("a", "oneshot", ("up", "s6-echo a\n"))
            .Rc("b", "oneshot", ("up", "s6-echo b\n"))
            .Write("/etc/s6-overlay/s6-rc.d/a/dependencies.d/b", "")
            .Write("/etc/s6-overlay/s6-rc.d/b/dependencies.d/a", "");
        AssertReport(image, 1, "1 error, 0 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/b: error: s6-rc-compile: cyclic service dependency reached from b and involving b");
    }

    [Fact]
    public void A_bundle_containing_itself_is_reported_as_s6_rc_compile_reports_it()
    {
        using var image = Image.Base()
            .Rc("all", "bundle")
            .Write("/etc/s6-overlay/s6-rc.d/all/contents.d/all", "");
        AssertReport(image, 1, "1 error, 0 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/all: error: s6-rc-compile: cyclic bundle definition: resolution of all encountered a cycle involving all");
    }

    [Fact]
    public void A_bad_type_is_reported_as_s6_rc_compile_reports_it()
    {
        using var image = Image.Base().Rc("web", "daemon", ("run", El + "sleep 1\n"));
        AssertReport(image, 1, "1 error, 0 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/web/type: error: s6-rc-compile: invalid /etc/s6-overlay/s6-rc.d/web/type: must be oneshot, longrun, or bundle");
    }

    [Fact]
    public void A_pipeline_whose_consumer_does_not_declare_it_back_is_reported()
    {
        using var image = Image.Base()
            .Rc("app", "longrun", ("run", El + "sleep 1\n"), ("producer-for", "app-log\n"))
            .Rc("app-log", "longrun", ("run", El + "s6-log /var/log/app\n"));
        AssertReport(image, 1, "1 error, 0 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/app: error: s6-rc-compile: longrun service app declares being a producer for a service named app-log that does not declare it back");
    }

    [Fact]
    public void Definitions_that_cannot_work_are_each_reported()
    {
        using var image = Image.Base()
            .Rc("web", "longrun", ("notification-fd", "1\n"), ("down", ""))
            .Rc("worker", "longrun", ("run", El + "sleep 1\n"), ("notification-fd", "three\n"))
            .Rc("init", "oneshot")
            .Rc("all", "bundle", ("down", ""))
            .Write("/etc/s6-overlay/s6-rc.d/all/contents.d/init", "");
        AssertReport(image, 1, "4 errors, 2 warnings", image.Check(),
            "/etc/s6-overlay/s6-rc.d/all/down: warning: s6-rc ignores the down file of all (a bundle is only a name for its contents)",
            "/etc/s6-overlay/s6-rc.d/init/up: error: oneshot init has no up file (expected the command line s6-rc runs to bring it up)",
            "/etc/s6-overlay/s6-rc.d/web/run: error: longrun web has no run file (expected the program its supervisor runs)",
            "/etc/s6-overlay/s6-rc.d/web/notification-fd:1:1: error: notification-fd is 1, which the service's stdin, stdout or stderr already is (expected a number 3 or more)",
            "/etc/s6-overlay/s6-rc.d/web/down: warning: s6-rc ignores the down file of web (a longrun is brought up with its bundle; leave it out of the user bundle to keep it down)",
            "/etc/s6-overlay/s6-rc.d/worker/notification-fd:1:1: error: notification-fd is \"three\" (expected a number 3 or more)");
    }

    [Fact]
    public void A_service_no_bundle_brings_up_is_reported()
    {
        // s6-overlay's top bundle (its own sources) holds the user bundle, which holds web; web depends on db
        using var image = Image.Base()
            .Write("/package/admin/s6-overlay/etc/s6-rc/sources/top/type", "bundle\n")
            .Write("/package/admin/s6-overlay/etc/s6-rc/sources/top/contents.d/user", "")
            .Write("/etc/s6-overlay/user-bundles.d/user/type", "bundle\n")
            .Write("/etc/s6-overlay/user-bundles.d/user/contents.d/web", "")
            .Rc("web", "longrun", ("run", El + "sleep 1\n"))
            .Write("/etc/s6-overlay/s6-rc.d/web/dependencies.d/db", "")
            .Rc("db", "longrun", ("run", El + "sleep 1\n"))
            .Rc("seed", "oneshot", ("up", "s6-echo seeded\n"));
        AssertReport(image, 1, "0 errors, 1 warning", image.Check(),
            "/etc/s6-overlay/s6-rc.d/seed: warning: oneshot seed is in no bundle s6-overlay brings up, so it never starts " +
            "(expected an empty file /etc/s6-overlay/user-bundles.d/user/contents.d/seed, or a dependency of a service there)");
    }

    [Fact]
    public void S6_variables_unknown_or_with_bad_values_are_reported_from_the_environment_and_env_options()
    {
        using var image = Image.Base();
        var r = AdminTool.Run(["check", image.Root, "--env", "S6_KILL_GRACETIME=400000", "--env", "S6_VERBOSITY=2"],
            "S6_LOGGING=yes", "S6_BEHAVIOR_IF_STAGE2_FAILS=2", "S6_CMD_WAIT_FOR_SERVICES_MAXTIME=5000", "S6_NOT_A_THING=1");
        AssertReport(image, 1, "2 errors, 2 warnings", r,
            "(environment): warning: unknown variable S6_BEHAVIOR_IF_STAGE2_FAILS, which no s6-overlay init reads (expected one of v2's or v3's S6_ variables; did you mean S6_BEHAVIOUR_IF_STAGE2_FAILS?)",
            "(environment): error: S6_KILL_GRACETIME is 400000, out of range (expected a number from 0 to 300000)",
            "(environment): error: S6_LOGGING is \"yes\", not a number (expected a number from 0 to 2)",
            "(environment): warning: unknown variable S6_NOT_A_THING, which no s6-overlay init reads (expected one of v2's or v3's S6_ variables)");
    }

    [Fact]
    public void Crash_loop_files_and_our_own_variables_are_read_as_the_supervisor_and_the_init_read_them()
    {
        using var image = Image.Base()
            .Write("/etc/services.d/web/run", El + "sleep 1\n", "755")
            .Write("/etc/services.d/web/crash-loop", "backoff=1s-1m give-up=5/2m then=exit:3\n")
            .Write("/etc/services.d/web/log/run", El + "sleep 1\n", "755")
            .Write("/etc/services.d/web/log/crash-loop", "give-up=3\n");
        var good = AdminTool.Run(["check", image.Root, "--env", "S6_OVERLAY_GENERATION=3", "--env", "S6_CMD_STOP_SIGNAL=QUIT"],
            "S6_CRASH_LOOP=backoff=2s-1m");
        AssertReport(image, 1, "1 error, 0 warnings", good,
            "/etc/services.d/web/log/crash-loop: error: \"give-up=3\": expected give-up=DEATHS/DURATION, as in give-up=5/2m, the service keeps s6's rules");
        var bad = AdminTool.Run(["check", image.Root, "--env", "S6_OVERLAY_GENERATION=4", "--env", "S6_CMD_STOP_SIGNAL=NOPE"],
            "S6_CRASH_LOOP=backoff=2s");
        AssertReport(image, 1, "4 errors, 0 warnings", bad,
            "/etc/services.d/web/log/crash-loop: error: \"give-up=3\": expected give-up=DEATHS/DURATION, as in give-up=5/2m, the service keeps s6's rules",
            "(environment): error: S6_CRASH_LOOP: \"backoff=2s\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m, every service keeps s6's rules",
            "(environment): error: S6_CMD_STOP_SIGNAL is \"NOPE\", not a signal, the CMD gets SIGTERM (expected a name such as QUIT or SIGQUIT, or a number)",
            "(environment): error: S6_OVERLAY_GENERATION is 4, out of range (expected a number from 2 to 3)");
    }

    [Fact]
    public void Json_output_has_every_finding_with_its_fields_and_the_counts()
    {
        using var image = Image.Base()
            .Write("/etc/services.d/web/run", El + "foreground {\n", "755")
            .Write("/etc/fix-attrs.d/01", "/x true root 0644 0755 extra\n");
        var r = image.Check("--format", "json", "--env", "S6_TYPO=1");
        Assert.Equal(("", 1), (r.Err, r.Code));
        using var doc = JsonDocument.Parse(r.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(),
                f.GetProperty("severity").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("/etc/services.d/web/run", 2, 12, "error", "syntax", "unmatched {: this block is never closed"),
            ("/etc/fix-attrs.d/01", 1, 1, "error", "fix-attrs", "6 fields instead of 5 (path recurse account fmode dmode), fix-attrs skips the line"),
            ("(environment)", 0, 0, "warning", "environment",
                "unknown variable S6_TYPO, which no s6-overlay init reads (expected one of v2's or v3's S6_ variables)"),
        ], findings);
        Assert.Equal((2, 1, image.Root), (doc.RootElement.GetProperty("errors").GetInt32(), doc.RootElement.GetProperty("warnings").GetInt32(),
            doc.RootElement.GetProperty("root").GetString()));
    }

    [Fact]
    public void A_clean_image_gives_an_empty_json_findings_array()
    {
        using var image = Clean();
        var r = image.Check("--format", "json");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal((0, 0, 0), (doc.RootElement.GetProperty("findings").GetArrayLength(),
            doc.RootElement.GetProperty("errors").GetInt32(), doc.RootElement.GetProperty("warnings").GetInt32()));
    }
}
