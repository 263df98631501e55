using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// s6-overlay v3's /command helpers (spec §8) inside a container booted the v3 way: s6-overlay-suexec and
/// preinit, then what stage0 leaves behind (/run/s6/basedir, the dump in /run/s6/container_environment
/// with VALUE and a newline per file), then the command with PATH only, as v3 gives the CMD. The v2
/// helpers' /usr/bin names, which v3's symlinks tarball points at /command, act as v3's there.
public class V3HelpersTests
{
    const string Preinit = "/package/admin/s6-overlay-3.2.3.2/libexec/preinit";
    const string Path = "/command:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// Boots cmd after a v3-shaped stage0: dump holds NAME=VALUE pairs of the container environment.
    internal static Ran V3(Rootfs root, string cmd, params string[] dump)
    {
        var files = string.Concat(dump.Select(kv => kv.Split('=', 2)).Select(kv => $"printf '%s\\n' '{kv[1]}' > {kv[0]}; "));
        var stage0 = "mkdir /run/s6/basedir /run/s6/container_environment && cd /run/s6/container_environment && " + files +
            "cd / && exec env -i PATH=" + Path + " sh -c \"$0\"";
        return Boot.Run(root, ["s6-overlay-suexec", " " + Preinit, "", "sh", "-c", stage0, cmd], Env("S6_VERBOSITY=1"),
            TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void S11_printcontenv_prints_the_saved_value_and_a_newline_and_fails_without_a_name()
    {
        using var root = Image();
        var r = V3(root, "printcontenv FOO | od -An -c; printcontenv NOPE; echo rc=$?; printcontenv; echo rc=$?", "FOO=bar");
        AssertRan("   b   a   r  \\n  \\n\nrc=1\nrc=100\n", "printcontenv: fatal: too few arguments\n", 0, r);
    }

    [Fact]
    public void S12_printcontenv_with_S6_KEEP_ENV_reads_the_live_environment_and_fails_on_an_empty_value()
    {
        using var root = Image();
        var r = V3(root, "export S6_KEEP_ENV=1 FOO=bar EMPTY=; printcontenv FOO | od -An -c; printcontenv EMPTY; echo rc=$?; " +
            "printcontenv NOPE; echo rc=$?", "FOO=saved");
        AssertRan("   b   a   r  \\n\nrc=1\nrc=1\n", "", 0, r);
    }

    [Fact]
    public void S10_with_contenv_gives_the_program_the_saved_environment_and_nothing_else()
    {
        using var root = Image();
        var r = V3(root, "X=caller with-contenv env | sort", "FOO=bar", "SPACED=a b", "HOME=/root", "PATH=" + Path, "EMPTY=");
        AssertRan("EMPTY=\nFOO=bar\nHOME=/root\nPATH=" + Path + "\nSPACED=a b\n", "", 0, r);
    }

    [Fact]
    public void S12_with_contenv_with_S6_KEEP_ENV_runs_the_program_unchanged()
    {
        using var root = Image();
        var r = V3(root, "S6_KEEP_ENV=1 X=caller with-contenv env | grep -E '^(X|FOO|S6_KEEP_ENV)=' | sort", "FOO=bar");
        AssertRan("S6_KEEP_ENV=1\nX=caller\n", "", 0, r);
    }

    [Fact]
    public void S69_with_contenv_without_a_program_is_exec_s_usage_error()
    {
        using var root = Image();
        var r = V3(root, "with-contenv; echo $?");
        AssertRan("100\n", "exec: usage: exec [ -c ] [ -l ] [ -a argv0 ] prog...\n", 0, r);
    }

    [Fact]
    public void S10_a_script_with_a_command_with_contenv_shebang_sees_the_saved_environment()
    {
        using var root = Image();
        root.Write("usr/local/bin/show", "#!/command/with-contenv sh\necho \"FOO=$FOO args=$*\"\n", "755");
        var r = V3(root, "show a b", "FOO=bar", "PATH=" + Path);
        AssertRan("FOO=bar args=a b\n", "", 0, r);
    }

    [Fact]
    public void S69_with_retries_tries_n_times_and_cuts_each_try_at_its_time_limit()
    {
        using var root = Image();
        var r = V3(root, "with-retries -n 3 -t 1000 sh -c 'echo try; exit 1'; echo rc=$?; with-retries -n 2 -t 300 sleep 1; echo rc=$?; " +
            "with-retries sh -c 'echo once'; echo rc=$?");
        // glibc's words for ETIMEDOUT (the reference, on musl, says "Operation timed out")
        AssertRan("try\ntry\ntry\nrc=1\nrc=1\nonce\nrc=0\n",
            "s6-maximumtime: warning: unable to wait for child process: Connection timed out\n" +
            "s6-maximumtime: warning: unable to wait for child process: Connection timed out\n", 0, r);
    }

    const string LogSetup = "mkdir -p /var/log/t && chown nobody:nogroup /var/log/t; ";
    const string LogShow = "echo rc=$?; sed -E 's/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{9}  /STAMP  /' /var/log/t/current; " +
        "stat -c %U /var/log/t/current";

    [Fact]
    public void S39_logutil_service_logs_as_nobody_with_timestamps_by_default()
    {
        using var root = Image();
        var r = V3(root, LogSetup + "echo talker line 1 | logutil-service /var/log/t; " + LogShow);
        AssertRan("rc=0\nSTAMP  talker line 1\nnobody\n", "", 0, r);
    }

    [Fact]
    public void S40_logutil_service_follows_S6_LOGGING_SCRIPT_from_the_dump()
    {
        // v3 hands s6-log "T\n" as its last directive here and the logger dies every second (spec §8.4):
        // fixed on purpose
        using var root = Image();
        var r = V3(root, LogSetup + "echo talker line 1 | logutil-service /var/log/t; " + LogShow, "S6_LOGGING_SCRIPT=n3 s100000 T");
        AssertRan("rc=0\nSTAMP  talker line 1\nnobody\n", "", 0, r);
        r = V3(root, LogSetup + "rm -rf /var/log/t/*; echo plain | logutil-service /var/log/t; " + LogShow, "S6_LOGGING_SCRIPT=n3");
        AssertRan("rc=0\nplain\nnobody\n", "", 0, r);
    }

    [Fact]
    public void S69_logutil_service_without_a_logdir_exits_1_and_reads_a_fifo_with_f()
    {
        using var root = Image();
        var r = V3(root, "logutil-service; echo rc=$?; " + LogSetup + "mkfifo /tmp/ff; (echo from fifo > /tmp/ff &); " +
            "logutil-service -f /tmp/ff /var/log/t; " + LogShow);
        AssertRan("rc=1\nrc=0\nSTAMP  from fifo\nnobody\n", "", 0, r);
    }

    [Fact]
    public void S69_logutil_newfifo_warns_that_it_is_deprecated_and_makes_the_fifo()
    {
        using var root = Image();
        var r = V3(root, "logutil-newfifo -o nobody /tmp/ff; echo rc=$?; stat -c '%A %U %G' /tmp/ff; logutil-newfifo; echo rc=$?");
        AssertRan("rc=0\nprw------- nobody nogroup\nrc=1\n",
            "logutil-newfifo: warning: this binary is deprecated, use s6-mkfifo and s6-chown instead\n", 0, r);
    }

    [Fact]
    public void The_usr_bin_names_of_the_helpers_act_as_v3_s_under_a_v3_boot()
    {
        using var root = Image();
        var r = V3(root, "/usr/bin/printcontenv FOO | od -An -c; /usr/bin/with-contenv env | sort; /usr/bin/logutil-newfifo /tmp/ff; echo rc=$?; " +
            LogSetup + "echo line | /usr/bin/logutil-service /var/log/t; " + LogShow, "FOO=bar", "PATH=/bin");
        AssertRan("   b   a   r  \\n  \\n\nFOO=bar\nPATH=/bin\nrc=0\nrc=0\nSTAMP  line\nnobody\n",
            "logutil-newfifo: warning: this binary is deprecated, use s6-mkfifo and s6-chown instead\n", 0, r);
    }

    [Fact]
    public void The_usr_bin_helpers_keep_v2_s_behaviour_without_a_v3_boot()
    {
        using var root = Image();
        var r = Boot.Run(root, ["sh", "-c", "mkdir -p /run/s6/container_environment; printf bar > /run/s6/container_environment/FOO; " +
            "/usr/bin/printcontenv FOO | od -An -c; /usr/bin/printcontenv NOPE; echo rc=$?"], null, TimeSpan.FromSeconds(60));
        AssertRan("   b   a   r  \\n\nrc=1\n", "", 0, r);
    }
}
