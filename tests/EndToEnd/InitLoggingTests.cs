using System.Text.RegularExpressions;
using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_LOGGING=1/2: the catch-all logger in /var/log/s6-uncaught-logs (T28, T29).
public class InitLoggingTests
{
    const string Log = "var/log/s6-uncaught-logs";

    // The logger leaves at the HUP of stage 3's broadcast: as with s6-overlay, the last FIN lines may not
    // reach the log.

    /// The logged lines without their `YYYY-MM-DD HH:MM:SS.nnnnnnnnn  ` timestamp, which each must have.
    static string Untimestamped(string text) => string.Concat(text.Split('\n').SkipLast(1).Select(line =>
    {
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9}  "), line);
        return line[31..] + "\n";
    }));

    [Fact]
    public void T28_with_S6_LOGGING_1_the_banners_go_timestamped_to_the_log_and_the_CMD_keeps_the_console()
    {
        using var root = Image();
        var r = Run(root, ["sh", "-c", "echo to-stdout; echo to-stderr >&2"], Env("S6_LOGGING=1", "S6_SERVICES_GRACETIME=500"));
        AssertRan("to-stdout\n", "to-stderr\n", 0, r);
        var log = Untimestamped(File.ReadAllText(root.At(Log + "/current")));
        Assert.StartsWith(Banners.Boot() + "[cmd] sh exited 0\n" + Banners.Fin(1, 3), log);
    }

    [Fact]
    public void T29_with_S6_LOGGING_2_the_CMD_output_goes_to_the_log_too()
    {
        using var root = Image();
        var r = Run(root, ["sh", "-c", "echo to-stdout; echo to-stderr >&2"], Env("S6_LOGGING=2", "S6_SERVICES_GRACETIME=500"));
        AssertRan("", "", 0, r);
        var log = Untimestamped(File.ReadAllText(root.At(Log + "/current")));
        Assert.StartsWith(Banners.Boot() + "to-stdout\nto-stderr\n[cmd] sh exited 0\n" + Banners.Fin(1, 3), log);
    }

    [Fact]
    public void The_catch_all_log_rotates_by_size_as_S6_LOGGING_SCRIPT_says_and_loses_no_line()
    {
        using var root = Image();
        root.Write("etc/cont-init.d/10-chatty", "#!/bin/sh\ni=1\nwhile [ $i -le 400 ]; do echo \"line $i of the chatty script\"; i=$((i+1)); done\n", "755");
        var r = Run(root, ["true"], Env("S6_LOGGING=1", "S6_LOGGING_SCRIPT=n5 s4096", "S6_SERVICES_GRACETIME=500"));
        AssertRan("", "", 0, r);
        var dir = root.At(Log);
        var archives = Directory.GetFiles(dir, "@*.s").Order(StringComparer.Ordinal).ToList();
        Assert.InRange(archives.Count, 2, 5);
        var logged = string.Concat(archives.Append(Path.Combine(dir, "current")).Select(File.ReadAllText));
        var chatty = string.Concat(Enumerable.Range(1, 400).Select(i => $"line {i} of the chatty script\n"));
        // 12 kB of lines fit in five 4 kB archives and current: every line is there, in order
        Assert.Contains("[cont-init.d] 10-chatty: executing... \n" + chatty + "[cont-init.d] 10-chatty: exited 0.\n",
            logged);
    }
}
