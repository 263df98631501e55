using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Execline.Tests.Admin;

/// `execline-cs status` and `health` over a scandir laid out as s6-supervise leaves it (supervise/status in
/// s6's 35 bytes, death_tally, notification-fd, down, and the crash-loop policy's supervise/crash-loop).
public sealed class StatusTests : IDisposable
{
    readonly string _scandir = Directory.CreateTempSubdirectory("admin-scandir.").FullName;

    public void Dispose() => Directory.Delete(_scandir, recursive: true);

    /// supervise/status: stamp `ago` seconds back, pid, wait status, flags (paused 1, finishing 2, want up 4,
    /// ready 8); death_tally with one record per death given (an exit code, or 128 + the signal).
    void Service(string name, long pid, ushort wstat, byte flags, int ago, params byte[] deaths)
    {
        var supervise = Path.Combine(_scandir, name, "supervise");
        Directory.CreateDirectory(supervise);
        var status = new byte[35];
        ulong tai = (1UL << 62) + 10 + 27 + (ulong)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ago);
        BinaryPrimitives.WriteUInt64BigEndian(status, tai);
        BinaryPrimitives.WriteUInt64BigEndian(status.AsSpan(12), tai);
        BinaryPrimitives.WriteUInt64BigEndian(status.AsSpan(24), (ulong)pid);
        BinaryPrimitives.WriteUInt16BigEndian(status.AsSpan(32), wstat);
        status[34] = flags;
        File.WriteAllBytes(Path.Combine(supervise, "status"), status);
        var tally = new byte[deaths.Length * 14];
        for (int i = 0; i < deaths.Length; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(tally.AsSpan(i * 14), tai);
            tally[i * 14 + 12] = deaths[i];
            tally[i * 14 + 13] = deaths[i] >= 128 ? (byte)(deaths[i] - 128) : (byte)0;
        }
        File.WriteAllBytes(Path.Combine(supervise, "death_tally"), tally);
    }

    void Touch(string relative, string content = "") => File.WriteAllText(Path.Combine(_scandir, relative), content);

    /// web: up and ready; worker: up, never said ready; cron: down with a down file, never started;
    /// flaky: wanted up, down between restarts under the crash-loop policy's backoff; web's logger up.
    void Layout()
    {
        Directory.CreateDirectory(Path.Combine(_scandir, ".s6-svscan"));
        Service("web", 120, 0, 4 | 8, 100, 143, 143);
        Touch("web/notification-fd", "3\n");
        Service("web/log", 121, 0, 4, 100);
        Service("worker", 130, 0, 4, 50);
        Touch("worker/notification-fd", "3\n");
        Service("cron", 0, 0, 0, 10);
        Touch("cron/down");
        Service("flaky", 0, 1 << 8, 4, 2, 1, 1, 1, 1, 1);
        Touch("flaky/supervise/crash-loop", "backoff 5 1764780000000\n");
    }

    static string Masked(string table) => Regex.Replace(Regex.Replace(table, " +", " "), @" up (\d+) \d+ ", " up $1 N ");

    [Fact]
    public void Status_shows_state_pid_restarts_readiness_last_exit_and_the_crash_loop_state()
    {
        Layout();
        var r = AdminTool.Run(["status", "--scandir", _scandir]);
        Assert.Equal(("", 0), (r.Err, r.Code));
        Assert.Equal(
            "NAME KIND STATE PID UPTIME RESTARTS READY LAST-EXIT CRASH-LOOP\n" +
            "cron service down - - 0 - - -\n" +
            "flaky service down - - 5 - 1 backoff:5\n" +
            "web service up 120 N 2 yes SIGTERM -\n" +
            "web/log logger up 121 N 0 - - -\n" +
            "worker service up 130 N 0 no - -\n", Masked(r.Out));
    }

    [Fact]
    public void Status_in_json_has_every_field()
    {
        Layout();
        var r = AdminTool.Run(["status", "--scandir", _scandir, "--format", "json"]);
        Assert.Equal(("", 0), (r.Err, r.Code));
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(_scandir, doc.RootElement.GetProperty("scandir").GetString());
        var flaky = doc.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "flaky");
        Assert.Equal("{\"name\": \"flaky\", \"kind\": \"service\", \"state\": \"down\", \"pid\": null, \"uptime\": null, \"restarts\": 5, " +
            "\"ready\": null, \"last_exit\": \"1\", \"crash_loop\": {\"state\": \"backoff\", \"deaths\": 5}, \"want_up\": true, \"normally_up\": true}",
            flaky.GetRawText());
        var web = doc.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "web");
        Assert.InRange(web.GetProperty("uptime").GetInt64(), 99, 102);
    }

    [Fact]
    public void Health_names_every_service_that_should_be_up_and_is_not_or_is_not_ready()
    {
        Layout();
        var r = AdminTool.Run(["health", "--scandir", _scandir]);
        Assert.Equal(("", "flaky: down (wanted up, last exit 1, crash-loop backoff after 5 deaths)\n" +
            "worker: up but not ready (it has a notification-fd and has not said so)\n", 1), (r.Err, r.Out, r.Code));
    }

    [Fact]
    public void Health_is_0_and_silent_when_every_service_that_should_be_up_is()
    {
        Service("web", 120, 0, 4 | 8, 100);
        Touch("web/notification-fd", "3\n");
        Service("cron", 0, 0, 0, 10);
        Touch("cron/down");
        var r = AdminTool.Run(["health", "--scandir", _scandir]);
        Assert.Equal(("", "", 0), (r.Err, r.Out, r.Code));
        var json = AdminTool.Run(["health", "--scandir", _scandir, "--format", "json"]);
        Assert.Equal(("{\"healthy\": true, \"problems\": []}\n", 0), (json.Out, json.Code));
    }

    [Fact]
    public void Health_counts_a_service_taken_down_by_hand_and_not_one_whose_down_file_was_never_overridden()
    {
        Service("web", 0, 15, 0, 5, 143);
        Service("cron", 0, 0, 0, 10);
        Touch("cron/down");
        var r = AdminTool.Run(["health", "--scandir", _scandir, "--format", "json"]);
        Assert.Equal(("{\"healthy\": false, \"problems\": [{\"name\": \"web\", \"reason\": " +
            "\"down (taken down, as by s6-svc -d, and it has no down file, last exit SIGTERM)\"}]}\n", 1), (r.Out, r.Code));
    }

    [Fact]
    public void Status_without_a_scandir_says_so_and_exits_111()
    {
        var r = AdminTool.Run(["status", "--scandir", _scandir + "/missing"]);
        Assert.Equal(("", $"execline-cs: status: no scandir ({_scandir}/missing; expected a running container, or --scandir DIR)\n", 111),
            (r.Out, r.Err, r.Code));
    }
}
