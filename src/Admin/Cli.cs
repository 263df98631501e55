namespace Execline.Admin;

/// An option of a subcommand, `--NAME VALUE` or `--NAME=VALUE`: once unless Repeatable, one of Allowed
/// when those are given, Default when absent.
sealed record CliOption(string Name, string ValueName, string Description, string? Default = null, bool Repeatable = false,
    string[]? Allowed = null);

/// A subcommand: its summary, its one optional argument (none when ArgumentName is null), its options, and
/// what it runs (returning the exit code).
sealed record CliCommand(string Name, string Summary, string? ArgumentName, string? ArgumentHelp, CliOption[] Options,
    Func<CliArgs, int> Run);

/// What a subcommand's command line said.
sealed class CliArgs(CliCommand command, Dictionary<string, List<string>> given, string? argument)
{
    public string? Argument { get; } = argument;

    /// The option's last value, or its default.
    public string? Value(string name) =>
        given.TryGetValue(name, out var v) ? v[^1] : command.Options.First(o => o.Name == name).Default;

    public IReadOnlyList<string> Values(string name) => given.TryGetValue(name, out var v) ? v : [];
}

/// A command line that cannot be run: what is wrong with it, in one line.
sealed class CliUsageError(string message) : Exception(message);

/// The command line of a program with subcommands: `--help` (and -h) on the program and on each
/// subcommand, `--version`, and a usage error as one line on stderr with exit 100. Written here rather
/// than taken from a library: System.CommandLine alone would make this program 1.2 MB bigger compressed,
/// more than the whole tarball may grow.
static class Cli
{
    public static int Run(string program, string summary, string version, CliCommand[] commands, string[] args,
        Action<string> output, Action<string> error)
    {
        string help = $"{program} --help";
        try
        {
            if (args.Length == 0) throw new CliUsageError($"no command given (expected {Names(commands)})");
            if (args[0] is "-h" or "--help")
            {
                output(ProgramHelp(program, summary, commands));
                return 0;
            }
            if (args[0] == "--version")
            {
                output($"{program} {version}\n");
                return 0;
            }
            var command = commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw new CliUsageError($"unknown command {args[0]} (expected {Names(commands)})");
            help = $"{program} {command.Name} --help";
            if (args.Skip(1).TakeWhile(a => a != "--").Any(a => a is "-h" or "--help"))
            {
                output(CommandHelp(program, command));
                return 0;
            }
            return command.Run(Parse(command, args));
        }
        catch (CliUsageError e)
        {
            error($"{program}: usage error: {e.Message} (see {help})\n");
            return 100;
        }
    }

    static string Names(CliCommand[] commands) => string.Join(", ", commands.Select(c => c.Name));

    static CliArgs Parse(CliCommand command, string[] args)
    {
        var given = new Dictionary<string, List<string>>();
        string? argument = null;
        bool onlyArguments = false;
        for (int i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (!onlyArguments && a == "--")
            {
                onlyArguments = true;
                continue;
            }
            if (!onlyArguments && a.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = a.IndexOf('=');
                var name = eq < 0 ? a[2..] : a[2..eq];
                var option = command.Options.FirstOrDefault(o => o.Name == name)
                    ?? throw new CliUsageError($"unknown option --{name} for {command.Name}");
                string value = eq >= 0 ? a[(eq + 1)..]
                    : i + 1 < args.Length ? args[++i]
                    : throw new CliUsageError($"--{name} needs a value ({option.ValueName})");
                if (option.Allowed != null && !option.Allowed.Contains(value))
                    throw new CliUsageError($"--{name} {value}: expected {string.Join(" or ", option.Allowed)}");
                if (!given.TryGetValue(name, out var values)) given[name] = values = [];
                else if (!option.Repeatable) throw new CliUsageError($"--{name} given twice");
                values.Add(value);
                continue;
            }
            if (!onlyArguments && a.Length > 1 && a[0] == '-') throw new CliUsageError($"unknown option {a} for {command.Name}");
            if (command.ArgumentName == null || argument != null) throw new CliUsageError($"unexpected argument {a} for {command.Name}");
            argument = a;
        }
        return new CliArgs(command, given, argument);
    }

    static string ProgramHelp(string program, string summary, CliCommand[] commands) =>
        $"Usage: {program} COMMAND [options]\n\n{summary}\n\nCommands:\n" +
        Table(commands.Select(c => (c.Name, c.Summary))) +
        "\nOptions:\n" + Table([("--version", "print the version"), ("-h, --help", "print this help")]) +
        $"\nEach command has --help.\n";

    static string CommandHelp(string program, CliCommand c)
    {
        var argument = c.ArgumentName != null ? $" [{c.ArgumentName}]" : "";
        var text = $"Usage: {program} {c.Name}{argument} [options]\n\n{c.Summary}\n";
        if (c.ArgumentName != null) text += "\nArguments:\n" + Table([(c.ArgumentName, c.ArgumentHelp!)]);
        var options = c.Options.Select(o => (
            $"--{o.Name} {(o.Allowed != null ? string.Join('|', o.Allowed) : o.ValueName)}",
            o.Description + (o.Default != null ? $" (default: {o.Default})" : "") + (o.Repeatable ? " (repeatable)" : "")));
        return text + "\nOptions:\n" + Table([.. options, ("-h, --help", "print this help")]);
    }

    static string Table(IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        int width = list.Max(r => r.Left.Length);
        return string.Concat(list.Select(r => $"  {r.Left.PadRight(width)}  {r.Right}\n"));
    }
}
