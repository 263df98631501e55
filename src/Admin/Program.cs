using Execline.Admin.Check;
using Execline.Admin.Status;
using Execline.Native;

namespace Execline.Admin;

/// execline-cs: the administration tool of an image running (or built on) our init. A program of its own,
/// not a command of the multi-call one, so that nothing of it weighs on every start there.
/// Exit codes: 0 all well, 1 findings or unhealthy, 100 usage, 111 system.
static class Program
{
    const string Name = "execline-cs";

    static readonly CliOption Format = new("format", "FORMAT", "the report's form", Default: "text", Allowed: ["text", "json"]);
    static readonly CliOption Scandir = new("scandir", "DIR", $"the scandir (default: {Supervision.V3Scandir}, else {Supervision.V2Scandir})");

    static int Main(string[] args) => Cli.Run(Name,
        "Checks an image's init layout, and shows the services of a running container.",
        typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "",
        [
            new("check", "Static check of an image's init layout: its scripts, s6-rc definitions, fix-attrs.d, S6_ variables.",
                "ROOT", "the image's root directory (default: /)",
                [new("env", "NAME=VALUE", "a variable the container will have, over this process's environment", Repeatable: true), Format],
                Check),
            new("status", "Every supervised service and s6-rc oneshot of the running container, in a table.", null, null,
                [Scandir, Format], Status),
            new("health", "Exit 0 when every service that should be up is up (and ready when it notifies), else 1 naming the others.",
                null, null, [Scandir, Format], Health),
        ],
        args, Out, Err);

    static int Check(CliArgs a)
    {
        var rootDir = a.Argument ?? "/";
        var given = a.Values("env").Select(pair => pair.IndexOf('=') is var eq and > 0
            ? (Name: pair[..eq], Value: pair[(eq + 1)..])
            : throw new CliUsageError($"--env takes NAME=VALUE, not {pair}")).ToList();
        if (!Directory.Exists(rootDir)) throw new CliUsageError($"{rootDir} is not a directory (expected the image's root)");
        var environment = OwnEnvironment();
        foreach (var (name, value) in given) environment[name] = value;
        var full = Path.GetFullPath(rootDir);
        // the image's PATH: given, or ours when the image is the root we run in (a Dockerfile's RUN)
        var imagePath = given.LastOrDefault(p => p.Name == "PATH").Value ?? (full == "/" ? environment.GetValueOrDefault("PATH") : null);
        var findings = ImageCheck.Run(new CheckContext(new ImageRoot(full), environment, imagePath, new OurCommands()));
        Out(a.Value("format") == "json" ? CheckReport.Json(findings, rootDir) : CheckReport.Text(findings, rootDir));
        return findings.Count == 0 ? 0 : 1;
    }

    static int Status(CliArgs a)
    {
        var dir = Supervision.FindScandir(a.Value("scandir"));
        if (dir == null || !Directory.Exists(dir))
        {
            Err($"{Name}: status: no scandir ({dir ?? $"neither {Supervision.V3Scandir} nor {Supervision.V2Scandir} exists"}; expected a running container, or --scandir DIR)\n");
            return 111;
        }
        var rows = Supervision.Rows(dir);
        Out(a.Value("format") == "json" ? StatusReport.Json(dir, rows) : StatusReport.Text(rows));
        return 0;
    }

    static int Health(CliArgs a)
    {
        var dir = Supervision.FindScandir(a.Value("scandir"));
        List<(string Name, string Why)> problems = dir != null && Directory.Exists(dir)
            ? [.. Supervision.Rows(dir).Select(row => (row.Name, Why: row.Problem())).Where(p => p.Why != null).Select(p => (p.Name, p.Why!))]
            : [("scandir", $"no scandir ({dir ?? $"neither {Supervision.V3Scandir} nor {Supervision.V2Scandir} exists"})")];
        Out(a.Value("format") == "json" ? StatusReport.HealthJson(problems) : StatusReport.HealthText(problems));
        return problems.Count == 0 ? 0 : 1;
    }

    /// This process's environment as its bytes (Latin-1 strings), as the kernel gave it.
    static Dictionary<string, string> OwnEnvironment()
    {
        var environment = new Dictionary<string, string>();
        foreach (var entry in Text.Bytes.Latin1(Unistd.ReadFile("/proc/self/environ") ?? []).Split('\0'))
            if (entry.IndexOf('=') is var eq and > 0) environment[entry[..eq]] = entry[(eq + 1)..];
        return environment;
    }

    /// Text out as the bytes it carries (Latin-1 strings: one char a byte), so a non-UTF-8 name survives.
    static void Out(string text) => Unistd.WriteAll(1, Text.Bytes.ToBytes(text));

    static void Err(string text) => Unistd.WriteAll(2, Text.Bytes.ToBytes(text));
}
