namespace Execline.Tests.EndToEnd;

/// Runs a command in a rootfs as `docker run --rm` would, without an engine, through scripts/container.sh:
/// PID 1 of a fresh PID namespace, chrooted, with docker's default environment plus the pairs given.
public static class Boot
{
    public static Ran Run(Rootfs root, IEnumerable<string> argv, IReadOnlyDictionary<string, string>? env = null,
        TimeSpan? timeout = null, string workdir = "/", bool readOnlyRoot = false) =>
        Start(root, argv, env, workdir, readOnlyRoot).Wait(timeout ?? TimeSpan.FromSeconds(60));

    public static Booted Start(Rootfs root, IEnumerable<string> argv, IReadOnlyDictionary<string, string>? env = null,
        string workdir = "/", bool readOnlyRoot = false)
    {
        var args = new List<string> { Path.Combine(Repo.Root, "scripts/container.sh"), root.Path, "-w", workdir };
        if (readOnlyRoot) args.Add("-r"); // docker run --read-only --tmpfs /var
        args.AddRange((env ?? new Dictionary<string, string>()).Select(kv => $"{kv.Key}={kv.Value}"));
        args.Add("--");
        args.AddRange(argv);
        return new Booted(Shell.Start("/bin/bash", args));
    }
}

/// A booted command still running: its PID 1 can be signalled from outside, as `docker stop` or
/// `docker kill` do.
public sealed class Booted(Shell.Started started)
{
    /// PID 1's pid on the host: the only child of container.sh's process (by then unshare), once chrooted.
    public int HostPid1
    {
        get
        {
            var outer = started.Process.Id;
            for (var i = 0; i < 500; i++)
            {
                var children = File.ReadAllText($"/proc/{outer}/task/{outer}/children").Trim();
                if (children.Length > 0 && int.TryParse(children.Split(' ')[0], out var pid) && Chrooted(pid)) return pid;
                Thread.Sleep(10);
            }
            throw new InvalidOperationException("the booted command never started");
        }
    }

    static bool Chrooted(int pid)
    {
        try { return new DirectoryInfo($"/proc/{pid}/root").ResolveLinkTarget(false)?.FullName != "/"; }
        catch (IOException) { return false; }
    }

    public void Signal(int signal) => Shell.Check("/bin/kill", "-" + signal, HostPid1.ToString());

    /// kill(2) straight from this process, for a signal that must arrive at a precise moment.
    public static void SignalNow(int hostPid, int signal)
    {
        if (Native.Signal.kill(hostPid, signal) != 0) throw new InvalidOperationException($"kill {hostPid}: errno {Native.Errno.Value}");
    }

    public Ran Wait(TimeSpan timeout) => Shell.Wait(started, timeout);
}
