namespace Execline.Tests.Admin;

/// The command line: every subcommand has --help, the tool --version, and a usage error is one line on
/// stderr and exit 100.
public class UsageTests
{
    [Theory]
    [InlineData("check --format yaml", "--format yaml: expected text or json (see execline-cs check --help)")]
    [InlineData("check --format", "--format needs a value (FORMAT) (see execline-cs check --help)")]
    [InlineData("check --format json --format text", "--format given twice (see execline-cs check --help)")]
    [InlineData("check --env FOO", "--env takes NAME=VALUE, not FOO (see execline-cs check --help)")]
    [InlineData("check / /other", "unexpected argument /other for check (see execline-cs check --help)")]
    [InlineData("check /no/such/root", "/no/such/root is not a directory (expected the image's root) (see execline-cs check --help)")]
    [InlineData("status --bogus x", "unknown option --bogus for status (see execline-cs status --help)")]
    [InlineData("health -x", "unknown option -x for health (see execline-cs health --help)")]
    [InlineData("status extra", "unexpected argument extra for status (see execline-cs status --help)")]
    [InlineData("launch x", "unknown command launch (expected check, status, health) (see execline-cs --help)")]
    public void A_usage_error_is_one_line_on_stderr_and_exit_100(string args, string expected)
    {
        var r = AdminTool.Run(args.Split(' '));
        Assert.Equal(("", $"execline-cs: usage error: {expected}\n", 100), (r.Out, r.Err, r.Code));
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var r = AdminTool.Run([]);
        Assert.Equal(("", "execline-cs: usage error: no command given (expected check, status, health) (see execline-cs --help)\n", 100),
            (r.Out, r.Err, r.Code));
    }

    [Theory]
    [InlineData("check", "Usage: execline-cs check [ROOT] [options]\n", "  --env NAME=VALUE    a variable the container will have, over this process's environment (repeatable)\n")]
    [InlineData("status", "Usage: execline-cs status [options]\n", "  --format text|json  the report's form (default: text)\n")]
    [InlineData("health", "Usage: execline-cs health [options]\n", "  --scandir DIR       the scandir (default: /run/service, else /var/run/s6/services)\n")]
    public void Every_subcommand_has_help_naming_its_options(string command, string usage, string option)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var r = AdminTool.Run([command, help]);
            Assert.Equal(("", 0), (r.Err, r.Code));
            Assert.StartsWith(usage, r.Out);
            Assert.Contains(option, r.Out);
        }
    }

    [Fact]
    public void The_program_help_lists_the_subcommands()
    {
        var r = AdminTool.Run(["--help"]);
        Assert.Equal(("", 0), (r.Err, r.Code));
        Assert.StartsWith("Usage: execline-cs COMMAND [options]\n", r.Out);
        foreach (var command in new[] { "\n  check   ", "\n  status  ", "\n  health  " }) Assert.Contains(command, r.Out);
    }

    [Fact]
    public void Version_prints_the_program_and_its_version()
    {
        var r = AdminTool.Run(["--version"]);
        Assert.Equal(("execline-cs 1.0.0\n", "", 0), (r.Out, r.Err, r.Code));
    }
}
