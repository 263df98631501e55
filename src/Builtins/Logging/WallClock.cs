using Execline.Native;
using Execline.S6;

namespace Execline.Builtins.Logging;

/// The time as the logging tools print it: a TAI64N stamp, or a broken-down date with nanoseconds.
static unsafe class WallClock
{
    /// Now, to the nanosecond.
    public static Tai64n Now()
    {
        Clock.Timespec ts;
        Clock.clock_gettime(Clock.CLOCK_REALTIME, &ts);
        return Tai64n.FromUnix(ts.Sec, (uint)ts.Nsec);
    }

    /// "YYYY-MM-DD HH:MM:SS.nnnnnnnnn" in local time (the TZ rules of the C library) or in UTC; null when
    /// the C library cannot represent the time.
    public static string? Format(Tai64n stamp, bool local)
    {
        long t = stamp.UnixSeconds;
        Clock.Tm tm;
        if ((local ? Clock.localtime_r(&t, &tm) : Clock.gmtime_r(&t, &tm)) == null) return null;
        return $"{tm.Year + 1900:D4}-{tm.Mon + 1:D2}-{tm.Mday:D2} {tm.Hour:D2}:{tm.Min:D2}:{tm.Sec:D2}.{stamp.Nanos:D9}";
    }
}
