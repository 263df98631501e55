using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Execline.Tests.EndToEnd;

/// The repository's Dockerfile (the s6-overlay Quickstart shape) built and run by podman. Waits for the
/// container init: until out/overlay/init exists these are skipped, saying so.
[Trait("Waiting", "init")]
public class DemoImageTests
{
    const string Tag = "localhost/execline-cs-demo:test";
    static readonly Lazy<string> Image = new(Build);

    static string Build()
    {
        var built = Podman.Run("build", "--pull=never", "-q", "-t", Tag, Repo.Root);
        if (built.ExitCode != 0) throw new InvalidOperationException("podman build of the Dockerfile failed: " + built.Err);
        return Tag;
    }

    static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    static string? Get(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try { return http.GetStringAsync(url).Result; }
        catch (AggregateException) { return null; }
    }

    [DemoFact]
    public void The_service_answers_on_its_port_and_podman_stop_ends_it_cleanly_with_code_0()
    {
        var name = "execline-cs-demo-" + Environment.ProcessId;
        var port = FreePort();
        var started = Podman.Run("run", "-d", "--pull=never", "--name", name, "-p", $"127.0.0.1:{port}:80", Image.Value);
        Assert.True(started.ExitCode == 0, started.Err);
        try
        {
            string? page = null;
            for (var deadline = DateTime.UtcNow.AddSeconds(30); page == null && DateTime.UtcNow < deadline; Thread.Sleep(200))
                page = Get($"http://127.0.0.1:{port}/");
            Assert.Equal("Hello from execline-cs\n", page);

            var clock = Stopwatch.StartNew();
            Assert.Equal(0, Podman.Run("stop", "-t", "10", name).ExitCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"podman stop needed SIGKILL ({clock.Elapsed})");
            Assert.Equal("0\n", Podman.Run("inspect", "--format", "{{.State.ExitCode}}", name).Out);
            var logs = Podman.Run("logs", name);
            Assert.Contains("Hello from execline-cs\n", logs.Out);
            Assert.Contains("[cont-init.d] 10-site: exited 0.\n", logs.Out);
            Assert.Contains("[s6-finish] sending all processes the TERM signal.\n", logs.Out);
        }
        finally { Podman.Run("rm", "-f", name); }
    }

    [DemoFact]
    public void The_CMD_exit_code_is_the_containers()
    {
        Assert.Equal(0, Podman.Run("run", "--rm", "--pull=never", Image.Value, "true").ExitCode);
        Assert.Equal(3, Podman.Run("run", "--rm", "--pull=never", Image.Value, "sh", "-c", "exit 3").ExitCode);
    }

    [DemoFact]
    public void The_cont_init_script_sees_the_containers_environment_through_with_contenv()
    {
        var r = Podman.Run("run", "--rm", "--pull=never", "-e", "GREETING=podman", Image.Value, "cat", "/var/www/index.html");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Hello from podman\n", r.Out);
    }
}

/// Needs podman and the container init in the overlay.
public sealed class DemoFactAttribute : FactAttribute
{
    public DemoFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (Podman.Unusable is { } why) Skip = why;
        else if (!File.Exists(Path.Combine(Repo.Overlay, "init")))
            Skip = "waiting for the container init (issue 5): out/overlay/init does not exist yet";
    }
}
