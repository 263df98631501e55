using Execline.Parsing;

namespace Execline.Tests.Unit;

public class ScriptParserTests
{
    static ScriptError ErrorOf(string script) => Assert.Throws<ScriptError>(() => ScriptParser.Parse(script, "s.el"));

    [Fact]
    public void An_unterminated_quote_is_reported_where_the_script_ends()
    {
        var e = ErrorOf("a\nb \"xy");
        Assert.Equal(("syntax error", 2, 6), (e.Kind, e.Line, e.Column));
        Assert.Equal("the quoted string opened at line 2, column 3 is never closed", e.Detail);
    }

    [Fact]
    public void An_unclosed_block_names_its_opening_brace()
    {
        var e = ErrorOf("foreground {\n  a\n  if { b\n}\n");
        Assert.Equal(("unmatched {", 1, 12, "s.el"), (e.Kind, e.Line, e.Column, e.Source));
    }

    [Fact]
    public void A_stray_closing_brace_names_its_position()
    {
        var e = ErrorOf("a\n  b }\n");
        Assert.Equal(("unmatched }", 2, 5), (e.Kind, e.Line, e.Column));
    }

    [Fact]
    public void A_zero_escape_is_a_syntax_error_naming_the_escape()
    {
        var e = ErrorOf("a \"\\0\"");
        Assert.Equal("syntax error", e.Kind);
        Assert.Contains("\\0", e.Detail);
    }

    [Fact]
    public void The_script_ends_at_the_first_NUL() =>
        Assert.Equal(["a", "b"], ScriptParser.Parse("a b\0 c d", "s.el"));

    [Fact]
    public void Bytes_that_are_not_UTF8_stay_single_bytes() =>
        Assert.Equal(["\u00ff\u00fe", "\u0080"], ScriptParser.Parse("\u00ff\u00fe \"\u0080\"", "s.el"));

    [Fact]
    public void A_one_mebibyte_script_parses_every_word()
    {
        var line = "define -s x \"y z\" \n";
        int lines = (1 << 20) / line.Length + 1;
        var words = ScriptParser.Parse(string.Concat(Enumerable.Repeat(line, lines)), "big.el");
        Assert.Equal(lines * 4, words.Count);
        Assert.Equal("y z", words[words.Count - 1]);
    }

    [Fact]
    public void Ten_thousand_nested_blocks_parse_with_one_leading_space_per_level()
    {
        const int depth = 10_000;
        var script = string.Concat(Enumerable.Repeat("if { ", depth)) + "true" + string.Concat(Enumerable.Repeat(" }", depth));
        var words = ScriptParser.Parse(script, "deep.el");
        Assert.Equal(2 * depth + 1, words.Count);
        Assert.Equal(new string(' ', depth) + "true", words[depth]);
        Assert.Equal("", words[^1]);
    }
}
