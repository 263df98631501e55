using System.Diagnostics;
using System.Text;

namespace Execline.Tests.Admin;

/// What execline-cs printed and returned.
public sealed record Ran(string Out, string Err, int Code);

/// The published admin tool, out/local/usr/bin/execline-cs (beside EXECLINE_BIN's program when that is
/// set), run with an environment of only the pairs given and PATH.
public static class AdminTool
{
    public static readonly string Path = Find();

    static string Find()
    {
        var program = Environment.GetEnvironmentVariable("EXECLINE_BIN");
        if (!string.IsNullOrEmpty(program))
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(program)!, "../../bin/execline-cs"));
        var d = AppContext.BaseDirectory;
        while (d != null && !File.Exists(System.IO.Path.Combine(d, "Execline.sln"))) d = System.IO.Path.GetDirectoryName(d);
        var tool = System.IO.Path.Combine(d ?? "/", "out/local/usr/bin/execline-cs");
        return File.Exists(tool) ? tool : throw new InvalidOperationException(tool + " does not exist: run scripts/publish.sh first");
    }

    public static Ran Run(IEnumerable<string> args, params string[] env)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        foreach (var pair in env) psi.Environment[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var outStream = new MemoryStream();
        var errStream = new MemoryStream();
        var e = Task.Run(() => p.StandardError.BaseStream.CopyTo(errStream));
        p.StandardOutput.BaseStream.CopyTo(outStream);
        e.Wait();
        p.WaitForExit();
        return new Ran(Encoding.Latin1.GetString(outStream.ToArray()), Encoding.Latin1.GetString(errStream.ToArray()), p.ExitCode);
    }
}
