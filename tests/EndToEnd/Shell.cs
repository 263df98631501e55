using System.Diagnostics;
using System.Text;

namespace Execline.Tests.EndToEnd;

/// What a host program printed and returned.
public sealed record Ran(byte[] Stdout, byte[] Stderr, int ExitCode, bool TimedOut)
{
    public string Out => Encoding.Latin1.GetString(Stdout);
    public string Err => Encoding.Latin1.GetString(Stderr);
}

/// Host programs the harness needs (tar, podman, unshare), run without a shell, output kept as bytes.
public static class Shell
{
    public static Ran Run(string program, IEnumerable<string> args, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? env = null) =>
        Wait(Start(program, args, env), timeout ?? TimeSpan.FromMinutes(2));

    /// Throws with the program's stderr unless it exits 0.
    public static Ran Check(string program, params string[] args)
    {
        var r = Run(program, args);
        if (r.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {r.ExitCode}: {r.Err}");
        return r;
    }

    public sealed class Started(Process process, Task<byte[]> stdout, Task<byte[]> stderr)
    {
        public Process Process { get; } = process;
        public Task<byte[]> Stdout { get; } = stdout;
        public Task<byte[]> Stderr { get; } = stderr;
    }

    /// env replaces the whole environment when given (as `env -i` would).
    public static Started Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env != null)
        {
            psi.Environment.Clear();
            foreach (var (k, v) in env) psi.Environment[k] = v;
        }
        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return new Started(p, ReadAll(p.StandardOutput.BaseStream), ReadAll(p.StandardError.BaseStream));
    }

    /// Waits for the program; past the timeout it and its descendants are killed.
    public static Ran Wait(Started s, TimeSpan timeout)
    {
        var timedOut = !s.Process.WaitForExit(timeout);
        if (timedOut)
        {
            s.Process.Kill(entireProcessTree: true);
            s.Process.WaitForExit();
        }
        return new Ran(s.Stdout.Result, s.Stderr.Result, s.Process.ExitCode, timedOut);
    }

    static async Task<byte[]> ReadAll(Stream stream)
    {
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
