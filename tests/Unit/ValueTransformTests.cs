using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Tests.Unit;

public class ValueTransformTests
{
    [Fact]
    public void Splitting_makes_one_word_per_delimiter_including_empty_ones() =>
        Assert.Equal(["a", "", "b"], new ValueTransform(Split: true).Apply("a  b"));

    [Fact]
    public void Crunching_merges_runs_of_delimiters() =>
        Assert.Equal(["a", "b"], new ValueTransform(Split: true, Crunch: true).Apply("a \n b"));

    [Fact]
    public void Chomping_drops_one_trailing_delimiter() =>
        Assert.Equal(["a b"], new ValueTransform(Chomp: true).Apply("a b\n"));

    [Fact]
    public void An_empty_delimiter_set_reads_netstrings() =>
        Assert.Equal(["ab", ""], new ValueTransform(Delimiters: "", Split: true).Apply("2:ab,0:,"));

    [Fact]
    public void Malformed_netstrings_give_null() =>
        Assert.Null(new ValueTransform(Delimiters: "", Split: true).Apply("3:ab,"));

    [Fact]
    public void Netstrings_encode_and_decode_back() =>
        Assert.Equal(["x y", "", "\u00ff"], Netstrings.Decode(string.Concat(new[] { "x y", "", "\u00ff" }.Select(Netstrings.Encode))));

    [Fact]
    public void Substitution_expands_the_cartesian_product_first_reference_slowest() =>
        Assert.Equal(["a1", "a2", "b1", "b2"], Substitutor.Apply(["${x}${y}"],
            new Dictionary<string, IReadOnlyList<string>> { ["x"] = ["a", "b"], ["y"] = ["1", "2"] }));

    [Fact]
    public void Words_naming_no_key_stay_as_they_are_backslashes_and_all() =>
        Assert.Equal(["\\$y", "${y}z", "$x", "$x-", "a-", "b"], Substitutor.Apply(Words.Of(["\\$y", "${y}z", "\\$x", "$x-", "${x}-", "$z"]),
            new Dictionary<string, IReadOnlyList<string>> { ["x"] = ["a"], ["z"] = ["b"] }));

    [Fact]
    public void A_script_substituted_in_place_changes_only_the_words_naming_a_key() =>
        Assert.Equal(["if", " a", " ${w}", " v", ""], Substitutor.Apply(Execline.Parsing.ScriptParser.Parse("if { $v ${w} v }", "s.el"),
            new Dictionary<string, IReadOnlyList<string>> { ["v"] = ["a"] }));

    [Fact]
    public void An_escaped_reference_stays_literal_and_halves_its_backslashes() =>
        Assert.Equal(["$x", "\\a"], Substitutor.Apply(["\\$x", "\\\\$x"],
            new Dictionary<string, IReadOnlyList<string>> { ["x"] = ["a"] }));
}
