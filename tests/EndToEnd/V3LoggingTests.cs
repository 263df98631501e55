using System.Text.RegularExpressions;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_LOGGING under v3 (spec §9): the catch-all logger in /run/uncaught-logs, with or without a copy on the
/// console, losing no line at the shutdown.
public class V3LoggingTests
{
    const string Cmd = "echo to-stdout; echo to-stderr >&2";
    /// The CMD copies the log out of the container's /run (a tmpfs gone with it) when it is over.
    const string CopyLog = "; sleep 0.2; cp /run/uncaught-logs/current /log.copy";

    static string Stamp => @"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9}  ";

    [Fact]
    public void S36_S6_LOGGING_1_sends_everything_after_preinit_to_the_log_and_a_copy_to_stderr()
    {
        using var root = V3.Image();
        AssertRan("", V3.Boot + "to-stdout\nto-stderr\n" + V3.Down, 0, V3.Run(root, ["sh", "-c", Cmd], V3.G0("S6_LOGGING=1")));
    }

    [Fact]
    public void S37_S6_LOGGING_2_leaves_only_preinit_on_the_console()
    {
        using var root = V3.Image();
        var r = V3.Run(root, ["sh", "-c", Cmd + CopyLog], V3.G0("S6_LOGGING=2"));
        AssertRan("", V3.Pre, 0, r);
        var log = File.ReadAllText(root.At("log.copy"));
        Assert.Matches(new Regex("^" + Stamp + "s6-rc-compile: warning: source /etc/s6-overlay/s6-rc.d is empty\n"), log);
        Assert.Equal(V3.Empty + V3.Up + "to-stdout\nto-stderr\n", Regex.Replace(log, "^" + Stamp, "", RegexOptions.Multiline));
    }

    /// s6-overlay's stage0 tests `-n "S6_LOGGING_SCRIPT"` (no $): its log has timestamps only when the
    /// variable is set. Its README says every line is stamped by default (S6_LOGGING_SCRIPT's default
    /// "n20 s1000000 T"), and so it is here (S37 above); when set, its t and T words decide, as in v3.
    [Fact]
    public void S38_S6_LOGGING_SCRIPT_without_T_gives_a_log_without_timestamps()
    {
        using var root = V3.Image();
        var r = V3.Run(root, ["sh", "-c", Cmd + CopyLog], V3.G0("S6_LOGGING=2", "S6_LOGGING_SCRIPT=n20 s1000000"));
        AssertRan("", V3.Pre, 0, r);
        Assert.Equal(V3.Empty + V3.Up + "to-stdout\nto-stderr\n", File.ReadAllText(root.At("log.copy")));
    }

    [Fact]
    public void S76_an_unknown_S6_CATCHALL_USER_stops_the_container_with_100()
    {
        using var root = V3.Image();
        AssertRan("", V3.Pre + "s6-linux-init-maker: fatal: unable to find user nosuchuser in passwd database\n", 100,
            V3.Run(root, ["true"], V3.G0("S6_LOGGING=1", "S6_CATCHALL_USER=nosuchuser")));
    }

    [Fact]
    public void The_catch_all_logger_runs_as_S6_CATCHALL_USER_and_owns_its_directory()
    {
        using var root = V3.Image();
        var r = V3.Run(root, ["sh", "-c", "stat -c '%U %a' /run/uncaught-logs; ps -o user,args | grep '[s]6-log'"],
            V3.G0("S6_LOGGING=1", "S6_CATCHALL_USER=nobody", "S6_VERBOSITY=0"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("nobody 2750\n", r.Err.Split('\n')[0] + "\n");
        Assert.Contains("nobody", r.Err.Split('\n')[1]);
    }
}
