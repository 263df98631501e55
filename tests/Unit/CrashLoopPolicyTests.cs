using Execline.S6;
using Execline.Init.Supervision;

namespace Execline.Tests.Unit;

/// The crash-loop policy's text (`crash-loop`, S6_CRASH_LOOP) and the waits it gives.
public class CrashLoopPolicyTests
{
    [Fact]
    public void Every_word_is_read()
    {
        var p = CrashLoopPolicy.Parse("backoff=500ms-2m\nfactor=3  reset=90s give-up=5/1h then=exit:42\n", out var error);
        Assert.Null(error);
        Assert.Equal(new CrashLoopPolicy(500, 120_000, 3, 90_000, 5, 3_600_000, 42), p);
    }

    [Fact]
    public void Unsaid_words_take_their_defaults()
    {
        Assert.Equal(new CrashLoopPolicy(1000, 60_000, 2, 60_000, 0, 0, null), CrashLoopPolicy.Parse("backoff=1s-1m", out _));
        Assert.Equal(new CrashLoopPolicy(0, 0, 2, 60_000, 3, 10_000, null), CrashLoopPolicy.Parse("give-up=3/10s then=down", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n")]
    [InlineData("none")]
    public void Nothing_or_none_is_s6s_rules_without_an_error(string text)
    {
        Assert.Null(CrashLoopPolicy.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("backof=1s-1m", "unknown word \"backof=1s-1m\" (expected backoff=, factor=, reset=, give-up=, then= or none)")]
    [InlineData("backoff", "unknown word \"backoff\" (expected backoff=, factor=, reset=, give-up=, then= or none)")]
    [InlineData("backoff=1000-60000", "\"backoff=1000-60000\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m")]
    [InlineData("backoff=0s-1m", "\"backoff=0s-1m\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m")]
    [InlineData("backoff=1m-1s", "\"backoff=1m-1s\": the longest wait is shorter than the first")]
    [InlineData("backoff=1s-2d", "\"backoff=1s-2d\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m")]
    [InlineData("backoff=1s-1m backoff=1s-2m", "backoff= given twice")]
    [InlineData("backoff=1s-1m factor=0", "\"factor=0\": expected a whole number from 1 to 100")]
    [InlineData("backoff=1s-1m reset=10", "\"reset=10\": expected a duration, as in reset=1m")]
    [InlineData("give-up=5", "\"give-up=5\": expected give-up=DEATHS/DURATION, as in give-up=5/2m")]
    [InlineData("give-up=0/1m", "\"give-up=0/1m\": expected give-up=DEATHS/DURATION, as in give-up=5/2m")]
    [InlineData("give-up=5/1m then=exit", "\"then=exit\": expected then=down or then=exit:CODE (0 to 255)")]
    [InlineData("give-up=5/1m then=exit:256", "\"then=exit:256\": expected then=down or then=exit:CODE (0 to 255)")]
    [InlineData("reset=1m", "neither backoff= nor give-up= is given")]
    [InlineData("backoff=1s-1m then=down", "then= without give-up=")]
    [InlineData("give-up=5/1m factor=3", "factor= without backoff=")]
    [InlineData("none backoff=1s-1m", "unknown word \"none\" (expected backoff=, factor=, reset=, give-up=, then= or none)")]
    public void A_bad_text_is_refused_with_what_is_wrong(string text, string expected)
    {
        Assert.Null(CrashLoopPolicy.Parse(text, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void The_wait_multiplies_by_the_factor_at_each_death_up_to_the_longest()
    {
        var p = CrashLoopPolicy.Parse("backoff=1s-20s factor=3", out _)!;
        Assert.Equal([1000L, 3000, 9000, 20000, 20000], Enumerable.Range(1, 5).Select(p.DelayAfter).ToArray());
        var flat = CrashLoopPolicy.Parse("backoff=2s-1m factor=1", out _)!;
        Assert.Equal(2000, flat.DelayAfter(50));
    }
}
