namespace Execline.Tests.Admin;

/// The command line: every subcommand has --help, the tool --version, and a parse error is one line on
/// stderr and exit 100.
public class UsageTests
{
    [Theory]
    [InlineData("check", "--format", "yaml", "execline-cs: usage error: Argument 'yaml' not recognized. Must be one of: 'text' 'json' (see execline-cs --help)\n")]
    [InlineData("status", "--bogus", "x", "execline-cs: usage error: Unrecognized command or argument '--bogus'. Unrecognized command or argument 'x'. (see execline-cs --help)\n")]
    [InlineData("launch", "x", "y", "execline-cs: usage error: Required command was not provided. Unrecognized command or argument 'launch'. Unrecognized command or argument 'x'. Unrecognized command or argument 'y'. (see execline-cs --help)\n")]
    public void A_parse_error_is_one_line_on_stderr_and_exit_100(string a, string b, string c, string expected)
    {
        var r = AdminTool.Run([a, b, c]);
        Assert.Equal(("", expected, 100), (r.Out, r.Err, r.Code));
    }

    [Fact]
    public void No_subcommand_is_a_usage_error()
    {
        var r = AdminTool.Run([]);
        Assert.Equal(("", "execline-cs: usage error: Required command was not provided. (see execline-cs --help)\n", 100), (r.Out, r.Err, r.Code));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("status")]
    [InlineData("health")]
    public void Every_subcommand_has_help_naming_its_format_option(string command)
    {
        var r = AdminTool.Run([command, "--help"]);
        Assert.Equal(("", 0), (r.Err, r.Code));
        Assert.Contains($"Usage:\n  execline-cs {command} ", r.Out);
        Assert.Contains("--format <json|text>", r.Out);
    }

    [Fact]
    public void Version_prints_one_line()
    {
        var r = AdminTool.Run(["--version"]);
        Assert.Equal(("", 0), (r.Err, r.Code));
        Assert.Single(r.Out.TrimEnd('\n').Split('\n'));
    }
}
