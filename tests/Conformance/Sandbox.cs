using System.Diagnostics;

namespace Execline.Tests.Conformance;

/// What one side printed and returned.
public sealed record Run(byte[] Stdout, byte[] Stderr, int ExitCode);

/// Two command directories, one linking every upstream command to the real program (execline's from
/// /usr/lib/execline/bin, s6's from /usr/bin) and one linking every command of ours to our binary, plus the
/// `a` argument printer; a snippet runs under /bin/sh with one of them first on PATH.
public static class Sandbox
{
    public const string RealBin = "/usr/lib/execline/bin";

    public static readonly string RepoRoot = FindRoot();
    public static readonly string Ours = OurBinary();
    static readonly Lazy<string> _root = new(Build);

    static string FindRoot()
    {
        var d = AppContext.BaseDirectory;
        while (d != null && !File.Exists(Path.Combine(d, "Execline.sln"))) d = Path.GetDirectoryName(d);
        return d ?? throw new InvalidOperationException("Execline.sln not found above " + AppContext.BaseDirectory);
    }

    static string OurBinary()
    {
        var env = Environment.GetEnvironmentVariable("EXECLINE_BIN");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var c in new[] { "out/local/usr/lib/execline-cs/execline", "src/Multicall/bin/Release/net10.0/execline",
                     "src/Multicall/bin/Debug/net10.0/execline" })
        {
            var p = Path.Combine(RepoRoot, c);
            if (File.Exists(p)) return p;
        }
        throw new InvalidOperationException("no execline binary: set EXECLINE_BIN or run scripts/publish.sh");
    }

    static string Build()
    {
        if (!File.Exists(RealBin + "/execlineb")) throw new InvalidOperationException("the real execline is not installed (apt-get install execline)");
        var root = Directory.CreateTempSubdirectory("conformance.").FullName;
        foreach (var side in new[] { "real", "ours" }) Directory.CreateDirectory(Path.Combine(root, side));
        foreach (var f in Directory.GetFiles(RealBin))
        {
            var n = Path.GetFileName(f);
            File.CreateSymbolicLink(Path.Combine(root, "real", n), f);
            File.CreateSymbolicLink(Path.Combine(root, "ours", n), Ours);
        }
        foreach (var n in OurCommands(root))
        {
            var ours = Path.Combine(root, "ours", n);
            if (File.Exists(ours)) continue;
            File.CreateSymbolicLink(ours, Ours);
            if (File.Exists("/usr/bin/" + n)) File.CreateSymbolicLink(Path.Combine(root, "real", n), "/usr/bin/" + n);
        }
        var a = Path.Combine(root, "a");
        var cc = Shell($"cc -O2 -o '{a}' '{RepoRoot}/tests/Conformance/tools/a.c'", root);
        if (cc.ExitCode != 0) throw new InvalidOperationException("cannot compile a.c: " + System.Text.Encoding.Latin1.GetString(cc.Stderr));
        foreach (var side in new[] { "real", "ours" }) File.Copy(a, Path.Combine(root, side, "a"));
        return root;
    }

    static IEnumerable<string> OurCommands(string root)
    {
        var list = Shell($"'{Ours}' --list", root);
        if (list.ExitCode != 0) throw new InvalidOperationException("execline --list failed");
        return System.Text.Encoding.Latin1.GetString(list.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// Runs the snippet in a fresh empty directory with the side's commands first on PATH.
    public static Run Execute(string side, string snippet)
    {
        var dir = Directory.CreateTempSubdirectory($"case.{side}.").FullName;
        try
        {
            var env = new Dictionary<string, string>
            {
                ["PATH"] = $"{_root.Value}/{side}:/usr/bin:/bin",
                ["HOME"] = dir,
                ["LC_ALL"] = "C",
            };
            return Shell("exec </dev/null\n" + snippet, dir, env);
        }
        finally
        {
            Shell($"chmod -R u+rwx '{dir}' 2>/dev/null; rm -rf '{dir}'", "/");
        }
    }

    static Run Shell(string script, string cwd, Dictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("timeout", ["-k", "5", "30", "/bin/sh", "-c", script])
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (env != null)
        {
            psi.Environment.Clear();
            foreach (var (k, v) in env) psi.Environment[k] = v;
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var err = Task.Run(() => ReadAll(p.StandardError.BaseStream));
        var output = ReadAll(p.StandardOutput.BaseStream);
        p.WaitForExit();
        return new Run(output, err.Result, p.ExitCode);
    }

    static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
