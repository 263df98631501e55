using System.Buffers.Binary;

namespace Execline.S6;

/// A TAI64N stamp as skalibs writes it: 2^62 + TAI seconds, then nanoseconds. TAI runs ahead of the
/// Unix clock by 10 s plus every leap second inserted since 1972 (37 s since 2017), as skalibs' own table
/// has it, so stamps match the real tools byte for byte.
public readonly record struct Tai64n(ulong Seconds, uint Nanos)
{
    const ulong Epoch = 1UL << 62;

    /// Unix times at which a leap second had been inserted (the second after each 23:59:60).
    static readonly long[] Leaps =
    [
        78796800, 94694400, 126230400, 157766400, 189302400, 220924800, 252460800, 283996800, 315532800,
        362793600, 394329600, 425865600, 489024000, 567993600, 631152000, 662688000, 709948800, 741484800,
        773020800, 820454400, 867715200, 915148800, 1136073600, 1230768000, 1341100800, 1435708800, 1483228800,
    ];

    public static Tai64n Now()
    {
        var t = DateTimeOffset.UtcNow;
        long ticks = t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return FromUnix(ticks / TimeSpan.TicksPerSecond, (uint)(ticks % TimeSpan.TicksPerSecond * 100));
    }

    public static Tai64n FromUnix(long seconds, uint nanos) =>
        new((ulong)(seconds + 10 + LeapsBefore(seconds)) + Epoch, nanos);

    /// The Unix seconds of this stamp (a leap second itself maps onto the second before it).
    public long UnixSeconds
    {
        get
        {
            long tai = (long)(Seconds - Epoch) - 10;
            int n = 0;
            foreach (var leap in Leaps) if (tai >= leap + n + 1) n++;
            return tai - n;
        }
    }

    static int LeapsBefore(long unix)
    {
        int n = 0;
        foreach (var leap in Leaps) if (unix >= leap) n++;
        return n;
    }

    public void Write(Span<byte> twelve)
    {
        BinaryPrimitives.WriteUInt64BigEndian(twelve, Seconds);
        BinaryPrimitives.WriteUInt32BigEndian(twelve[8..], Nanos);
    }

    public static Tai64n Read(ReadOnlySpan<byte> twelve) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(twelve), BinaryPrimitives.ReadUInt32BigEndian(twelve[8..]));

    /// "@" and the 24 lowercase hex digits of the 12 bytes.
    public string Label()
    {
        Span<byte> b = stackalloc byte[12];
        Write(b);
        return "@" + Convert.ToHexStringLower(b);
    }

    /// Parses the 25 characters of a label at the start of text.
    public static bool TryParseLabel(ReadOnlySpan<char> text, out Tai64n stamp)
    {
        stamp = default;
        if (text.Length < 25 || text[0] != '@') return false;
        Span<byte> b = stackalloc byte[12];
        for (int i = 0; i < 12; i++)
        {
            int hi = HexDigit(text[1 + 2 * i]), lo = HexDigit(text[2 + 2 * i]);
            if (hi < 0 || lo < 0) return false;
            b[i] = (byte)(hi << 4 | lo);
        }
        stamp = Read(b);
        return true;
    }

    static int HexDigit(char c) =>
        c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;

    /// this − earlier, clamped at zero, in whole seconds (nanosecond borrow as skalibs does).
    public long SecondsSince(Tai64n earlier)
    {
        if (this.CompareTo(earlier) <= 0) return 0;
        long s = (long)(Seconds - earlier.Seconds);
        return Nanos < earlier.Nanos ? s - 1 : s;
    }

    public int CompareTo(Tai64n o) => Seconds != o.Seconds ? Seconds.CompareTo(o.Seconds) : Nanos.CompareTo(o.Nanos);
}
