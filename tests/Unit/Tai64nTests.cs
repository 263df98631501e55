using Execline.S6;

namespace Execline.Tests.Unit;

public class Tai64nTests
{
    [Fact]
    public void A_2026_stamp_is_unix_time_plus_37_seconds_as_the_real_s6_writes_it()
    {
        var t = Tai64n.FromUnix(1795342315, 5);
        Assert.Equal(0x400000006b02c010UL, t.Seconds);
        Assert.Equal("@400000006b02c01000000005", t.Label());
        Assert.Equal(1795342315, t.UnixSeconds);
    }

    [Fact]
    public void Stamps_before_the_first_leap_second_are_ten_seconds_ahead()
    {
        Assert.Equal((1UL << 62) + 10, Tai64n.FromUnix(0, 0).Seconds);
    }

    [Fact]
    public void A_label_parses_back_to_the_same_twelve_bytes()
    {
        Assert.True(Tai64n.TryParseLabel("@400000006b02c0ed272ce2b8 rest", out var t));
        Assert.Equal("@400000006b02c0ed272ce2b8", t.Label());
        Assert.False(Tai64n.TryParseLabel("@400000006b02c0ed272ce2bz", out _));
    }

    [Fact]
    public void Seconds_since_borrows_a_second_when_nanoseconds_go_backwards_and_never_goes_negative()
    {
        var a = new Tai64n(100, 900_000_000);
        Assert.Equal(1, new Tai64n(102, 100_000_000).SecondsSince(a));
        Assert.Equal(0, a.SecondsSince(new Tai64n(105, 0)));
    }
}
