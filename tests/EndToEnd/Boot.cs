using System.Text;

namespace Execline.Tests.EndToEnd;

/// Runs a command the way `docker run` would, without a container engine: PID 1 of a fresh PID namespace,
/// in a private mount namespace with /proc and a tmpfs /run mounted, chrooted into the rootfs, with only
/// the environment given (docker's defaults unless replaced).
public static class Boot
{
    public static readonly IReadOnlyDictionary<string, string> DockerEnv = new Dictionary<string, string>
    {
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["HOME"] = "/root",
        ["HOSTNAME"] = "c",
    };

    public static Ran Run(Rootfs root, IEnumerable<string> argv, IReadOnlyDictionary<string, string>? env = null,
        TimeSpan? timeout = null, string workdir = "/") =>
        Start(root, argv, env, workdir).Wait(timeout ?? TimeSpan.FromSeconds(60));

    /// The outer shell sets up the mounts inside the new namespaces, then the inner unshare chroots, mounts
    /// /proc for the new PID namespace and execs the command, which so keeps PID 1.
    public static Booted Start(Rootfs root, IEnumerable<string> argv, IReadOnlyDictionary<string, string>? env = null,
        string workdir = "/")
    {
        const string setup = """/bin/mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$0/run" && """ +
                             """wd=$1 && shift && exec /usr/bin/env -u PWD /usr/bin/unshare --root="$0" --wd="$wd" --mount-proc -- "$@" """;
        var args = new List<string> { "--pid", "--fork", "--kill-child", "--mount", "--propagation", "private", "--",
            "/bin/sh", "-c", setup, root.Path, workdir };
        args.AddRange(argv);
        return new Booted(Shell.Start("/usr/bin/unshare", args, env ?? DockerEnv));
    }
}

/// A booted command still running: its PID 1 can be signalled from outside, as `docker stop` or
/// `docker kill` do.
public sealed class Booted(Shell.Started started)
{
    /// PID 1's pid on the host: the outer unshare's only child, once it has chrooted.
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

    public Ran Wait(TimeSpan timeout) => Shell.Wait(started, timeout);
}
