using Execline.Runtime;

namespace Execline.Tests.Unit;

public class WordsTests
{
    [Fact]
    public void A_block_view_strips_one_leading_space_and_keeps_unindented_words()
    {
        var w = Words.Of(["if", " a", "  b", "c", " ", " d", "", "e"]);
        Assert.True(w.IsEnd(6));
        Assert.False(w.IsEnd(4));
        var inner = w.Inner(1, 5);
        Assert.Equal(["a", " b", "c", "", "d"], inner);
        Assert.True(inner.IsEnd(3));
        Assert.True(inner.IsIndented(1));
        Assert.False(inner.IsIndented(2));
    }

    [Fact]
    public void A_view_of_a_view_strips_one_more_level()
    {
        var w = Words.Of(["   x", "  ", " ", ""]);
        var two = w.Inner(0, 3).Inner(0, 2);
        Assert.Equal([" x", ""], two);
        Assert.True(two.IsEnd(1));
    }

    [Fact]
    public void Slices_keep_the_level_of_their_view()
    {
        var w = Words.Of(["a", " b", " c", ""]).Inner(1, 2).Slice(1);
        Assert.Equal(["c"], w);
    }
}
