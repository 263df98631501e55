using System.CommandLine;
using System.CommandLine.Invocation;
using Execline.Admin.Check;
using Execline.Admin.Status;
using Execline.Native;

namespace Execline.Admin;

/// execline-cs: the administration tool of an image running (or built on) our init. A program of its own,
/// not a command of the multi-call one: its command-line library would weigh on every start there.
/// Exit codes: 0 all well, 1 findings or unhealthy, 100 usage, 111 system.
static class Program
{
    const string Name = "execline-cs";

    static int Main(string[] args)
    {
        var root = new RootCommand("Checks an image's init layout, and shows the services of a running container.");
        root.Add(CheckCommand());
        root.Add(StatusCommand());
        root.Add(HealthCommand());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // one line, where the library would print its errors and the whole help
            var errors = parsed.Errors.Select(e =>
                string.Join(' ', e.Message.Split((char[])['\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim())));
            Err($"{Name}: usage error: {string.Join(' ', errors)} (see {Name} --help)\n");
            return 100;
        }
        return parsed.Action is SynchronousCommandLineAction action ? action.Invoke(parsed) : 100;
    }

    static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    static Command CheckCommand()
    {
        var rootArg = new Argument<string>("ROOT") { Description = "the image's root directory", DefaultValueFactory = _ => "/" };
        var env = new Option<string[]>("--env")
        {
            Description = "NAME=VALUE the container will have (repeatable), over this process's environment",
            AllowMultipleArgumentsPerToken = false,
        };
        env.Validators.Add(r =>
        {
            foreach (var pair in r.GetValueOrDefault<string[]>() ?? [])
                if (pair.IndexOf('=') <= 0) r.AddError($"--env takes NAME=VALUE, not {pair}");
        });
        var format = FormatOption();
        var command = new Command("check", "Static check of an image's init layout: scripts, s6-rc definitions, fix-attrs.d, S6_ variables.")
        {
            rootArg, env, format,
        };
        command.SetAction(r =>
        {
            var rootDir = r.GetValue(rootArg)!;
            if (!Directory.Exists(rootDir))
            {
                Err($"{Name}: check: {rootDir} is not a directory (expected the image's root)\n");
                return 100;
            }
            var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
            var given = (r.GetValue(env) ?? []).Select(p => (p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..])).ToList();
            foreach (var (k, v) in given) environment[k] = v;
            // the image's PATH: given, or ours when the image is the root we run in (a Dockerfile's RUN)
            var imagePath = given.LastOrDefault(p => p.Item1 == "PATH").Item2
                ?? (Path.GetFullPath(rootDir) == "/" ? environment.GetValueOrDefault("PATH") : null);
            var cx = new CheckContext(new ImageRoot(Path.GetFullPath(rootDir)), environment, imagePath, new OurCommands());
            var findings = ImageCheck.Run(cx);
            Out(r.GetValue(format) == "json" ? CheckReport.Json(findings, rootDir) : CheckReport.Text(findings, rootDir));
            return findings.Count == 0 ? 0 : 1;
        });
        return command;
    }

    static Option<string?> ScandirOption() => new("--scandir") { Description = "the scandir (default: /run/service, else /var/run/s6/services)" };

    static Command StatusCommand()
    {
        var scandir = ScandirOption();
        var format = FormatOption();
        var command = new Command("status", "Every supervised service and s6-rc oneshot of the running container, in a table.") { scandir, format };
        command.SetAction(r =>
        {
            var dir = Supervision.FindScandir(r.GetValue(scandir));
            if (dir == null || !Directory.Exists(dir))
            {
                Err($"{Name}: status: no scandir ({dir ?? $"neither {Supervision.V3Scandir} nor {Supervision.V2Scandir} exists"}; expected a running container, or --scandir DIR)\n");
                return 111;
            }
            var rows = Supervision.Rows(dir);
            Out(r.GetValue(format) == "json" ? StatusReport.Json(dir, rows) : StatusReport.Text(rows));
            return 0;
        });
        return command;
    }

    static Command HealthCommand()
    {
        var scandir = ScandirOption();
        var format = FormatOption();
        var command = new Command("health", "Exit 0 when every service wanted up is up (and ready when it notifies), else 1 naming those that are not.")
        {
            scandir, format,
        };
        command.SetAction(r =>
        {
            var dir = Supervision.FindScandir(r.GetValue(scandir));
            var problems = dir != null && Directory.Exists(dir)
                ? Supervision.Rows(dir).Select(row => (row.Name, Why: row.Problem())).Where(p => p.Why != null).Select(p => (p.Name, p.Why!)).ToList()
                : [("scandir", $"no scandir ({dir ?? $"neither {Supervision.V3Scandir} nor {Supervision.V2Scandir} exists"})")];
            Out(r.GetValue(format) == "json" ? StatusReport.HealthJson(problems) : StatusReport.HealthText(problems));
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// Text out as the bytes it carries (Latin-1 strings: one char a byte), so a non-UTF-8 name survives.
    static void Out(string text) => Unistd.WriteAll(1, Text.Bytes.ToBytes(text));

    static void Err(string text) => Unistd.WriteAll(2, Text.Bytes.ToBytes(text));
}
