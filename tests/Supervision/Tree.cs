using System.Diagnostics;
using System.Text;

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
        foreach (var c in new[] { "out/overlay/usr/lib/execline-cs/execline", "src/Multicall/bin/Release/net10.0/execline", "src/Multicall/bin/Debug/net10.0/execline" })
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

    /// Starts our s6-svscan on the scandir (through `prefix` when given, e.g. unshare).
    public void Start(string prefix = "")
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", $"exec {prefix} {Bin}/s6-svscan {Scan} 2>>{Root}/svscan.err"])
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

    public void WaitUp(string name, bool ready = false) =>
        Assert.Equal(0, Sh($"until s6-svok scan/{name} 2>/dev/null; do sleep 0.05; done; /usr/bin/s6-svwait -{(ready ? "U" : "u")} -t 10000 scan/{name}").Code);

    public int StatusPid(string name) => int.Parse(Sh($"/usr/bin/s6-svstat -o pid scan/{name}").Out.Trim());

    public bool WaitExit(int ms) => Svscan!.WaitForExit(ms);

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
