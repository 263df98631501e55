using System.Text;
using Execline.Builtins.Logging;
using Execline.Runtime;

namespace Execline.Tests.Unit;

/// The logger's engine hosted the way a supervisor hosts it: several in one process, fed bytes, pumped,
/// its processors reaped by the host.
public class LogEngineTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("logengine.").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    LogEngine Start(params string[] script) =>
        LogEngine.Start(script, new LogOptions(8192, 1, -1, 2, 0x12, Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").ToList()));

    static void Feed(LogEngine e, string text) => e.Feed(Encoding.Latin1.GetBytes(text));

    static void RunToEnd(LogEngine e)
    {
        e.EndOfInput();
        for (int i = 0; i < 100 && !e.Done; i++)
        {
            e.Pump();
            foreach (var pid in e.ProcessorPids.ToList()) e.ChildExited(pid, Children.Wait(pid));
        }
        Assert.True(e.Done);
    }

    [Fact]
    public void Two_loggers_in_one_process_keep_their_own_lines_and_logdirs()
    {
        using var a = Start(_dir + "/a");
        using var b = Start("p[b]", _dir + "/b");
        Feed(a, "a1\na");
        Feed(b, "b1\n");
        Feed(a, "2\n");
        a.Pump();
        b.Pump();
        Assert.Equal(-1, a.NextDeadline); // nothing waits for a timer
        RunToEnd(a);
        RunToEnd(b);
        Assert.Equal("a1\na2\n", File.ReadAllText(_dir + "/a/current"));
        Assert.Equal("[b] b1\n", File.ReadAllText(_dir + "/b/current"));
        Assert.True((File.GetUnixFileMode(_dir + "/a/current") & UnixFileMode.UserExecute) != 0);
    }

    [Fact]
    public void A_partial_line_waits_for_its_end_across_feeds_and_is_dropped_at_end_of_input()
    {
        using var e = Start(_dir + "/ld");
        Feed(e, "hel");
        Feed(e, "lo\nunfinished");
        RunToEnd(e);
        Assert.Equal("hello\n", File.ReadAllText(_dir + "/ld/current"));
    }

    [Fact]
    public void A_stop_request_ends_the_line_in_progress_then_reads_nothing_more()
    {
        using var e = Start(_dir + "/ld");
        Feed(e, "one\ntw");
        Assert.False(e.Stop());
        Assert.Equal(1, e.ReadLimit);
        Feed(e, "o\n");
        Assert.Equal(0, e.ReadLimit);
        RunToEnd(e);
        Assert.Equal("one\ntwo\n", File.ReadAllText(_dir + "/ld/current"));
    }

    [Fact]
    public void A_rotation_runs_the_processor_as_a_child_the_host_reaps()
    {
        using var e = Start("?tr a-z A-Z", _dir + "/ld");
        Feed(e, "quiet line\n");
        e.Pump();
        e.RotateNow();
        var pids = e.ProcessorPids.ToList();
        Assert.Single(pids);
        Assert.True(e.HasPending); // the rotation waits for its processor
        Assert.True(e.ChildExited(pids[0], Children.Wait(pids[0])));
        Assert.Empty(e.ProcessorPids);
        var archive = Directory.GetFiles(_dir + "/ld", "@*.s").Single();
        Assert.Equal("QUIET LINE\n", File.ReadAllText(archive));
        RunToEnd(e);
    }

    [Fact]
    public void A_failing_processor_is_retried_after_the_retry_period_without_losing_lines()
    {
        using var e = Start("r300", "?exit 1", _dir + "/ld");
        Feed(e, "kept\n");
        e.Pump();
        e.RotateNow();
        int pid = e.ProcessorPids.Single();
        var status = Children.Wait(pid);
        long before = Environment.TickCount64;
        e.ChildExited(pid, status);
        long deadline = e.NextDeadline;
        Assert.InRange(deadline - before, 300, 350);
        Feed(e, "queued meanwhile\n");
        e.Pump(); // too early: nothing happens
        Assert.Empty(e.ProcessorPids);
        Assert.Equal("", File.ReadAllText(_dir + "/ld/current"));
        Thread.Sleep((int)Math.Max(0, deadline - Environment.TickCount64) + 10);
        e.Pump();
        int again = e.ProcessorPids.Single(); // run again
        Assert.Equal("kept\n", File.ReadAllText(_dir + "/ld/previous"));
        Children.Wait(again);
    }
}
