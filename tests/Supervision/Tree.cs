using System.Diagnostics;
using System.Text;
using Execline.S6;

namespace Execline.Tests.Supervision;

/// A temporary directory with a scandir, a bin/ of links to our binary (s6-svscan, s6-supervise,
/// execlineb), and our s6-svscan running on it as a child of the test. The real s6 clients in /usr/bin
/// drive it.
public sealed class Tree : IDisposable
{
    public readonly string Root = Directory.CreateTempSubdirectory("supervision.").FullName;
    public string Scan => Root + "/scan";
    public string Bin => Root + "/bin";
    public Process? Svscan;

    public static readonly string Ours = FindOurs();

    static string FindOurs()
    {
        var env = Environment.GetEnvironmentVariable("EXECLINE_BIN");
        if (!string.IsNullOrEmpty(env)) return env;
        var d = AppContext.BaseDirectory;
        while (d != null && !File.Exists(Path.Combine(d, "Execline.sln"))) d = Path.GetDirectoryName(d);
        // out/local runs on this machine; out/overlay's needs the loader it carries at /usr/lib/execline-cs.
        foreach (var c in new[] { "out/local/usr/lib/execline-cs/execline", "src/Multicall/bin/Release/net10.0/execline", "src/Multicall/bin/Debug/net10.0/execline" })
            if (d != null && File.Exists(Path.Combine(d, c))) return Path.Combine(d, c);
        throw new InvalidOperationException("no execline binary: set EXECLINE_BIN or build src/Multicall");
    }

    public Tree()
    {
        Directory.CreateDirectory(Scan);
        Directory.CreateDirectory(Bin);
        foreach (var n in new[] { "s6-svscan", "s6-supervise", "execlineb", "fdmove" })
            File.CreateSymbolicLink(Path.Combine(Bin, n), Ours);
    }

    /// A service directory with an executable run (and finish when given).
    public string Service(string name, string run, string? finish = null)
    {
        var dir = Path.Combine(Scan, name);
        Directory.CreateDirectory(dir);
        Write(dir + "/run", run, executable: true);
        if (finish != null) Write(dir + "/finish", finish, executable: true);
        return dir;
    }

    public static void Write(string path, string text, bool executable = false)
    {
        File.WriteAllText(path, text);
        if (executable) File.SetUnixFileMode(path, (UnixFileMode)0x1ed);
    }

    /// Starts our s6-svscan on the scandir (through `prefix` when given, e.g. unshare; with `options`).
    public void Start(string prefix = "", string options = "")
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", $"exec {prefix} {Bin}/s6-svscan {options} {Scan} 2>>{Root}/svscan.err"])
        {
            WorkingDirectory = Root,
            RedirectStandardInput = true,
        };
        psi.Environment["PATH"] = Bin + ":/usr/bin:/bin";
        Svscan = Process.Start(psi)!;
    }

    /// Runs a shell snippet in Root; its exit code and stdout.
    public (int Code, string Out) Sh(string script, int timeoutMs = 30000)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", script])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PATH"] = Bin + ":/usr/bin:/bin";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(true);
            throw new TimeoutException($"snippet timed out: {script}\n{error.Result}");
        }
        return (p.ExitCode, output.Result);
    }

    /// Starts a shell snippet in Root and leaves it running.
    public Process Background(string script)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", script]) { WorkingDirectory = Root };
        psi.Environment["PATH"] = Bin + ":/usr/bin:/bin";
        return Process.Start(psi)!;
    }

    /// The status s6-supervise would have written for a service of the scandir, or null.
    public ServiceStatus? Status(string name) => ServiceStatus.Read(Path.Combine(Scan, name));

    /// The states (R, S, Z...) of the children of our s6-svscan.
    public List<string> ChildStates() => Directory.GetDirectories("/proc").Select(Path.GetFileName)
        .Where(n => int.TryParse(n, out _))
        .Select(n =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{n}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return fields[1] == Svscan!.Id.ToString() ? fields[0] : null;
            }
            catch (IOException) { return null; }
        })
        .OfType<string>().ToList();

    /// Children of our s6-svscan that are zombies (ended, not reaped).
    public int Zombies() => ChildStates().Count(s => s == "Z");

    /// s6-supervise (ours and s6's) takes the lock before it writes its first status: s6-svok can answer
    /// before s6-svwait has a status to read.
    public void WaitUp(string name, bool ready = false) =>
        Assert.Equal(0, Sh($"until s6-svok scan/{name} 2>/dev/null && [ -e scan/{name}/supervise/status ]; do sleep 0.05; done; /usr/bin/s6-svwait -{(ready ? "U" : "u")} -t 10000 scan/{name}").Code);

    public int StatusPid(string name) => int.Parse(Sh($"/usr/bin/s6-svstat -o pid scan/{name}").Out.Trim());

    public bool WaitExit(int ms) => Svscan!.WaitForExit(ms);

    /// Whether our s6-svscan has ended within ms, as /proc shows it: the test host may take its time to
    /// notice (WaitExit), which is not the supervisor's.
    public bool Ended(int ms)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            string state;
            try { state = File.ReadAllText($"/proc/{Svscan!.Id}/stat").Split(' ')[2]; }
            catch (IOException) { return true; }
            if (state == "Z") return true;
            if (clock.ElapsedMilliseconds > ms) return false;
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        if (Svscan != null && !Svscan.HasExited)
        {
            Sh($"/usr/bin/s6-svscanctl -q {Scan} 2>/dev/null");
            if (!Svscan.WaitForExit(10000)) Svscan.Kill(true);
        }
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
