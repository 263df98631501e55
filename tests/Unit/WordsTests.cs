using Execline.Runtime;

namespace Execline.Tests.Unit;

public class WordsTests
{
    [Fact]
    public void A_block_view_strips_one_leading_space_and_keeps_unindented_words()
    {
        var w = Words.Of(["if", " a", "  b", "c", " ", " d", "", "e"]);
        var unindented = new List<int>();
        Assert.Equal(6, w.EndOfBlock(1, unindented));
        Assert.Equal([3], unindented);
        var inner = w.Inner(1, 5);
        Assert.Equal(["a", " b", "c", "", "d"], inner);
        Assert.Equal(3, inner.EndOfBlock(0, []));
    }

    [Fact]
    public void A_view_of_a_view_strips_one_more_level()
    {
        var w = Words.Of(["   x", "  ", " ", ""]);
        var two = w.Inner(0, 3).Inner(0, 2);
        Assert.Equal([" x", ""], two);
        Assert.Equal(1, two.EndOfBlock(0, []));
    }

    [Fact]
    public void A_block_without_terminator_has_no_end() => Assert.Equal(-1, Words.Of(["a", " b"]).EndOfBlock(0, []));

    [Fact]
    public void Words_put_in_front_of_a_block_view_leave_the_view_as_it_is_seen()
    {
        var rest = Words.Of(["a", " b", "c", " d", ""]).Inner(1, 3);
        var w = rest.Prefixed(["importas", "-ui", "--", "v", "v"]);
        Assert.Equal(["importas", "-ui", "--", "v", "v", "b", "c", "d"], w);
        Assert.Equal(["v", "b"], w.Slice(4, 2));
    }

    [Fact]
    public void Slices_keep_the_level_of_their_view()
    {
        var w = Words.Of(["a", " b", " c", ""]).Inner(1, 2).Slice(1);
        Assert.Equal(["c"], w);
    }
}

public class WordsSubstitutionTests
{
    static List<string>? Upper(string w) => w.StartsWith("$") ? [w[1..].ToUpperInvariant(), "+"] : null;

    [Fact]
    public void Substitution_replaces_only_the_words_it_expands()
    {
        var w = Words.Of(["a", "$b", "c", "$d", "e$"]).Substitute(Upper);
        Assert.Equal(["a", "B", "+", "c", "D", "+", "e$"], w);
    }

    [Fact]
    public void A_word_the_filter_turns_down_is_kept_without_being_offered()
    {
        var script = Execline.Parsing.ScriptParser.Parse("a $b ${c}d $e", "s.el");
        var offered = new List<string>();
        var w = script.Substitute(x => { offered.Add(x); return [x.ToUpperInvariant()]; }, x => x.IndexOfAny('b', 'c') >= 0);
        Assert.Equal(["a", "$B", "${C}D", "$e"], w);
        Assert.Equal(["$b", "${c}d"], offered);
    }

    [Fact]
    public void Substitution_without_changes_returns_the_same_view()
    {
        var w = Words.Of(["a", "b$", "c"]);
        Assert.Same(w, w.Substitute(Upper));
    }

    [Fact]
    public void Substituted_words_inside_a_block_keep_their_indentation()
    {
        var w = Words.Of(["if", " $x", " y", ""]).Substitute(x => x == " $x" ? [" v", "  w"] : null);
        Assert.Equal(["if", " v", "  w", " y", ""], w);
        Assert.Equal(["v", " w", "y"], w.Inner(1, 3));
    }

    [Fact]
    public void A_replacement_that_is_a_view_keeps_its_words_as_they_are_seen()
    {
        var script = Execline.Parsing.ScriptParser.Parse("define v \"  x y\" if { a }", "s.el");
        var value = script.Slice(2, 1);
        var w = Words.Of(["$v", "b", "$v"]).Substitute(x => x == "$v" ? value : null);
        Assert.Equal(["  x y", "b", "  x y"], w);
        Assert.Equal([" x y", "b"], w.Inner(0, 2));
    }

    [Fact]
    public void A_word_expanded_to_nothing_vanishes() =>
        Assert.Equal(["a", "c"], Words.Of(["a", "$b", "c"]).Substitute(_ => []));

    [Fact]
    public void Many_scattered_substitutions_read_back_in_order()
    {
        var input = Enumerable.Range(0, 500).Select(i => i % 3 == 0 ? $"${i}" : $"w{i}").ToList();
        var w = Words.Of(input).Substitute(x => [x.Replace("$", "v")]);
        Assert.Equal(input.Select(x => x.Replace("$", "v")), w);
        Assert.Equal("v498", w[498]);
    }
}
