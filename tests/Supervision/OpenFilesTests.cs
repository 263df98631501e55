using System.Diagnostics;

namespace Execline.Tests.Supervision;

/// One process holds the descriptors s6 spreads over an s6-supervise per service: the limit it raises for
/// itself only, and how it degrades when they run out.
public class OpenFilesTests
{
    static string SoftLimit(int pid) =>
        File.ReadAllLines($"/proc/{pid}/limits").First(l => l.StartsWith("Max open files")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];

    /// The numbers of the services of the scandir whose supervisor runs (s6-svok).
    static List<int> Supervised(Tree t) =>
        t.Sh("for d in scan/s*; do s6-svok $d 2>/dev/null && echo ${d#scan/s}; done").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse).Order().ToList();

    /// What s6-svscan itself said (the supervisors of the services moved away say they cannot write their
    /// status any more).
    static string[] SvscanLines(Tree t) => File.ReadAllLines(t.Root + "/svscan.err").Where(l => l.StartsWith("s6-svscan:")).ToArray();

    [Fact]
    public void The_supervisor_raises_its_soft_open_files_limit_to_the_hard_one_and_what_it_starts_gets_the_original()
    {
        using var t = new Tree();
        t.Service("a", "#!/bin/sh\nulimit -Sn >../../run.limit\nexec sleep 7311\n", "#!/bin/sh\nulimit -Sn >../../finish.limit\n");
        Directory.CreateDirectory(t.Scan + "/a/log");
        Tree.Write(t.Scan + "/a/log/run", "#!/bin/sh\nulimit -Sn >../../../log.limit\nexec cat >/dev/null\n", executable: true);
        Directory.CreateDirectory(t.Scan + "/.s6-svscan");
        Tree.Write(t.Scan + "/.s6-svscan/finish", "#!/bin/sh\nulimit -Sn >../svscan-finish.limit\n", executable: true);
        t.Start("prlimit --nofile=200:4000 --");
        t.WaitUp("a");
        Assert.Equal(0, t.Sh("until [ -s run.limit ] && [ -s log.limit ]; do sleep 0.05; done").Code);
        Assert.Equal("4000", SoftLimit(t.Svscan!.Id));
        Assert.Equal("200", SoftLimit(t.StatusPid("a")));
        Assert.Equal(0, t.Sh("s6-svc -k scan/a; until [ -s finish.limit ]; do sleep 0.05; done; s6-svscanctl -t scan").Code);
        Assert.True(t.WaitExit(10000));
        var limits = new[] { "run", "log", "finish", "svscan-finish" }.Select(f => File.ReadAllText($"{t.Root}/{f}.limit").Trim());
        Assert.Equal(["200", "200", "200", "200"], limits);
    }

    [Fact]
    public void A_thousand_services_all_come_up_under_a_soft_limit_of_1024()
    {
        using var t = new Tree();
        for (int i = 0; i < 1000; i++) t.Service($"s{i}", $"#!{t.Bin}/execlineb -P\nsleep 7312\n");
        t.Start("prlimit --nofile=1024:$(ulimit -Hn) --", "-c 1000");
        var clock = Stopwatch.StartNew();
        int up = 0;
        while (clock.ElapsedMilliseconds < 120000)
        {
            up = Enumerable.Range(0, 1000).Count(i => t.Status($"s{i}") is { IsUp: true });
            if (up == 1000) break;
            Thread.Sleep(200);
        }
        Assert.Equal(1000, up);
        Assert.Equal("", File.ReadAllText(t.Root + "/svscan.err"));
    }

    [Fact]
    public void Out_of_descriptors_the_services_set_up_stay_supervised_and_each_other_one_is_named_once_then_started_when_some_are_freed()
    {
        using var t = new Tree();
        for (int i = 0; i < 400; i++)
        {
            t.Service($"s{i}", "#!/bin/sh\nexec sleep 7313\n");
            if (i % 2 == 1) continue;
            Directory.CreateDirectory($"{t.Scan}/s{i}/log");
            Tree.Write($"{t.Scan}/s{i}/log/run", "#!/bin/sh\nexec cat >/dev/null\n", executable: true);
        }
        t.Start("prlimit --nofile=256 --");
        // Long enough for three retries of everything that could not start (after 1, 2 and 4 seconds).
        Thread.Sleep(4500);
        var supervised = Supervised(t);
        var lines = SvscanLines(t);
        var named = lines.Select(l => l.Split(' ')[7].TrimEnd(':')).ToList();
        Assert.All(lines, l => Assert.Matches(@"^s6-svscan: warning: unable to start supervisor for s\d+: Too many open files \(limit 256\) - will retry$", l));
        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.Equal(400, supervised.Count + named.Count);
        Assert.InRange(supervised.Count, 40, 120);
        // Every one set up is whole: its service runs (its logger too), and its status can still be written.
        Assert.All(supervised, i => Assert.True(t.Status($"s{i}") is { IsUp: true }));
        int first = supervised[0];
        Assert.Equal(0, t.Sh($"s6-svc -wD -T 5000 -d scan/s{first}").Code);
        Assert.Equal("false false\n", t.Sh($"s6-svstat -o up,wantedup scan/s{first}").Out);

        // Twenty of them taken away free their descriptors: a rescan starts as many of the waiting ones.
        foreach (int i in supervised.Take(20)) Directory.Move($"{t.Scan}/s{i}", $"{t.Root}/away{i}");
        Assert.Equal(0, t.Sh("s6-svscanctl -an scan").Code);
        Assert.Equal(0, t.Sh(string.Join("; ", supervised.Take(20).Select(i => $"until ! s6-svok away{i} 2>/dev/null; do sleep 0.05; done"))).Code);
        Assert.Equal(0, t.Sh("s6-svscanctl -a scan; sleep 1").Code);
        int now = Supervised(t).Count;
        Assert.InRange(now, supervised.Count - 20 + 10, supervised.Count + 20);
        Assert.Equal(lines, SvscanLines(t));
    }
}
