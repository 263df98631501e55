namespace Execline.Tests.Supervision;

public class SvscanTests
{
    static string ProcField(int pid, string key) =>
        File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith(key + ":")).Split(':', 2)[1].Trim();

    [Fact]
    public void An_execline_run_script_runs_in_our_process_so_the_status_pid_is_the_daemon_itself()
    {
        using var t = new Tree();
        t.Service("e", $"#!{t.Bin}/execlineb -P\nfdmove -c 2 1\nsleep 7301\n");
        t.Start();
        t.WaitUp("e");
        int pid = t.StatusPid("e");
        Assert.Equal("sleep", File.ReadAllText($"/proc/{pid}/comm").Trim());
        Assert.Equal(t.Svscan!.Id.ToString(), ProcField(pid, "PPid"));
    }

    [Fact]
    public void Run_starts_with_no_blocked_signal_in_a_session_of_its_own()
    {
        using var t = new Tree();
        t.Service("a", "#!/bin/sh\nexec sleep 7302\n");
        t.Start();
        t.WaitUp("a");
        int pid = t.StatusPid("a");
        Assert.Equal("0000000000000000", ProcField(pid, "SigBlk"));
        Assert.Equal("0000000000000000", ProcField(pid, "SigIgn"));
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(pid.ToString(), fields[3]); // session id
        Assert.Equal(pid.ToString(), fields[2]); // process group
    }

    [Fact]
    public void One_process_supervises_fifty_services()
    {
        using var t = new Tree();
        for (int i = 0; i < 50; i++) t.Service($"s{i}", "#!/bin/sh\nexec sleep 7303\n");
        t.Start();
        for (int i = 0; i < 50; i++) t.WaitUp($"s{i}");
        var children = Directory.GetDirectories("/proc").Select(Path.GetFileName)
            .Where(n => int.TryParse(n, out _))
            .Count(n => { try { return ProcField(int.Parse(n!), "PPid") == t.Svscan!.Id.ToString(); } catch (IOException) { return false; } });
        Assert.Equal(50, children);
    }

    [Fact]
    public void Sigterm_during_startup_brings_every_service_down_and_exits()
    {
        using var t = new Tree();
        for (int i = 0; i < 30; i++) t.Service($"s{i}", "#!/bin/sh\nexec sleep 7304\n");
        t.Start();
        t.Sh($"until [ -p scan/s0/supervise/control ]; do sleep 0.01; done; kill -TERM {t.Svscan!.Id}");
        Assert.True(t.WaitExit(10000));
        Assert.Equal(0, t.Svscan.ExitCode);
        Thread.Sleep(200);
        Assert.Equal(1, t.Sh("pgrep -f 'sleep 730[4]'").Code);
    }

    [Fact]
    public void As_pid_1_ten_thousand_orphaned_zombies_are_reaped()
    {
        using var t = new Tree();
        // A program that vforks 10,000 children which exit at once, and exits without waiting for them:
        // they become zombies of the namespace's PID 1, which must reap them.
        File.WriteAllText(t.Root + "/orphans.c",
            "#include <unistd.h>\nint main(void){for(int i=0;i<10000;i++)if(vfork()==0)_exit(0);return 0;}\n");
        Assert.Equal(0, t.Sh("cc -O2 -o orphans orphans.c").Code);
        t.Service("orphans", "#!/bin/sh\n../../orphans\ntouch ../../made\nexec sleep 7305\n");
        t.Start("unshare --pid --fork --mount-proc");
        Assert.Equal(0, t.Sh("until [ -e made ]; do sleep 0.1; done", 120000).Code);
        int pid1 = int.Parse(t.Sh($"pgrep -P {t.Svscan!.Id}").Out.Trim());
        Assert.Equal(0, t.Sh($"n=0; while [ $(ps -o stat= --ppid {pid1} | grep -c Z) != 0 ]; do n=$((n+1)); [ $n = 100 ] && exit 1; sleep 0.1; done").Code);
        t.Sh($"kill -TERM {pid1}");
        Assert.True(t.WaitExit(10000));
    }
}
