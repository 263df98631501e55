using System.Diagnostics;

namespace Execline.Tests.Supervision;

/// One loop serves every service: whatever one client does, signals, deaths, timers and the other
/// control FIFOs are served within a turn.
public class FairnessTests
{
    /// SIGKILLs the service's daemon and measures until a new one is up (the restart waits out s6's
    /// 1-second throttle); the old pid must not stay a zombie meanwhile.
    static long RestartMilliseconds(Tree t, string name)
    {
        int old = (int)t.Status(name)!.Value.Pid;
        var clock = Stopwatch.StartNew();
        Process.GetProcessById(old).Kill();
        bool reaped = false;
        while (clock.ElapsedMilliseconds < 10000)
        {
            reaped |= !File.Exists($"/proc/{old}/stat");
            if (t.Status(name) is { IsUp: true } s && s.Pid != old) break;
            Thread.Sleep(5);
        }
        long ms = clock.ElapsedMilliseconds;
        Assert.True(reaped, $"pid {old} of {name} never reaped");
        return ms;
    }

    [Fact]
    public void A_client_flooding_one_control_fifo_delays_neither_the_reaping_nor_the_restart_of_another_service()
    {
        using var t = new Tree();
        t.Service("a", "#!/bin/sh\nexec sleep 7321\n");
        t.Service("b", "#!/bin/sh\nexec sleep 7322\n");
        t.Start();
        t.WaitUp("a");
        t.WaitUp("b");
        long idle = RestartMilliseconds(t, "b");
        // Every `u` makes a status write: a writer that never pauses has far more bytes waiting than a
        // supervisor can serve.
        using var flood = t.Background("exec timeout 8 yes u >scan/a/supervise/control");
        Thread.Sleep(500);
        long flooded = RestartMilliseconds(t, "b");
        Assert.False(flood.HasExited);
        Assert.InRange(flooded, 0, 2 * idle);
        Assert.Equal(0, t.Zombies());
        flood.Kill();
    }

    [Fact]
    public void After_a_storm_of_commands_from_several_clients_every_service_ends_as_last_asked_with_no_zombie_and_t_is_honoured_at_once()
    {
        using var t = new Tree();
        const int n = 40;
        for (int i = 0; i < n; i++) t.Service($"s{i}", "#!/bin/sh\nexec sleep 7323\n");
        t.Start();
        for (int i = 0; i < n; i++) t.WaitUp($"s{i}");
        // Four shells sending random -r, -d and -u to random services, and one writer flooding s0.
        string storm = $"exec timeout 3 bash -c 'l=(r d u); while :; do /usr/bin/s6-svc -${{l[RANDOM%3]}} scan/s$((RANDOM%{n})); done' 2>/dev/null";
        var clients = Enumerable.Range(0, 4).Select(_ => t.Background(storm)).ToList();
        var flood = t.Background("exec timeout 3 yes u >scan/s0/supervise/control 2>/dev/null");
        foreach (var c in clients.Append(flood)) c.WaitForExit();

        // The last word for each: up for the even ones, down for the odd ones.
        Assert.Equal(0, t.Sh(string.Join("\n", Enumerable.Range(0, n).Select(i => $"s6-svc -{(i % 2 == 0 ? 'u' : 'd')} scan/s{i}"))).Code);
        string expected = string.Concat(Enumerable.Range(0, n).Select(i => $"s{i} {(i % 2 == 0 ? "true true" : "false false")}\n"));
        string svstat = string.Join("; ", Enumerable.Range(0, n).Select(i => $"echo s{i} $(s6-svstat -o up,wantedup scan/s{i})"));
        string got = "";
        for (int k = 0; k < 50 && got != expected; k++)
        {
            Thread.Sleep(100);
            got = t.Sh(svstat).Out;
        }
        Assert.Equal(expected, got);
        Assert.Equal(0, t.Zombies());

        // Asked to shut down in the middle of another storm, it has every service down (and reaped) within a
        // second, and leaves.
        clients = Enumerable.Range(0, 4).Select(_ => t.Background(storm)).ToList();
        flood = t.Background("exec timeout 3 yes u >scan/s0/supervise/control 2>/dev/null");
        Thread.Sleep(500);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, t.Sh("s6-svscanctl -t scan").Code);
        while (t.ChildStates().Count > 0 && clock.ElapsedMilliseconds < 10000) Thread.Sleep(10);
        Assert.InRange(clock.ElapsedMilliseconds, 0, 1000);
        Assert.True(t.Ended(10000));
        foreach (var c in clients.Append(flood)) c.WaitForExit();
    }

    [Fact]
    public void Whoever_sees_the_s6_svscan_directory_appear_finds_its_control_fifo_listening()
    {
        using var t = new Tree();
        // A client that spins until .s6-svscan exists, then opens the control FIFO as s6-svscanctl does.
        File.WriteAllText(t.Root + "/probe.c", """
            #include <errno.h>
            #include <fcntl.h>
            #include <stdio.h>
            #include <sys/stat.h>
            int main(int argc, char **argv)
            {
              char dir[4096], fifo[4096];
              struct stat st;
              snprintf(dir, sizeof dir, "%s/.s6-svscan", argv[1]);
              snprintf(fifo, sizeof fifo, "%s/.s6-svscan/control", argv[1]);
              while (stat(dir, &st) < 0) ;
              int fd = open(fifo, O_WRONLY | O_NONBLOCK);
              puts(fd >= 0 ? "listening" : errno == ENOENT ? "no control" : errno == ENXIO ? "not listening" : "other");
              return 0;
            }
            """);
        Assert.Equal(0, t.Sh("cc -O2 -o probe probe.c").Code);
        string Race(string svscan) => t.Sh($$"""
            for i in $(seq 20); do
              rm -rf race; mkdir race
              ./probe race & q=$!
              {{svscan}} race 2>/dev/null & p=$!
              wait $q
              until /usr/bin/s6-svscanctl -q race 2>/dev/null; do sleep 0.01; done
              wait $p
            done | sort | uniq -c | sed 's/^ *//'
            """, 60000).Out;
        Assert.Equal("20 listening\n", Race("s6-svscan"));
        // The real s6-svscan makes the directory, then the FIFO, then opens it: a client in between reads
        // "something is wrong with the directory" or "supervisor not listening". Its window is narrow: on a
        // busy machine it won twenty rounds in a row once, so it gets up to five times twenty.
        var upstream = Enumerable.Range(0, 5).Select(_ => Race("/usr/bin/s6-svscan"));
        Assert.Contains(upstream, r => r != "20 listening\n");
    }
}
