using Execline.Native;
using Execline.S6;

namespace Execline.Builtins.Logging;

/// The time as the logging tools print it: a TAI64N stamp, or a broken-down date with nanoseconds.
static unsafe class WallClock
{
    const int CLOCK_REALTIME = 0;

    /// Now, to the nanosecond.
    public static Tai64n Now()
    {
        long* ts = stackalloc long[2];
        Libc.clock_gettime(CLOCK_REALTIME, ts);
        return Tai64n.FromUnix(ts[0], (uint)ts[1]);
    }

    /// "YYYY-MM-DD HH:MM:SS.nnnnnnnnn" in local time (the TZ rules of the C library) or in UTC; null when
    /// the C library cannot represent the time.
    public static string? Format(Tai64n stamp, bool local)
    {
        long t = stamp.UnixSeconds;
        int* tm = stackalloc int[14]; // struct tm: nine ints, tm_gmtoff, tm_zone
        if ((local ? Libc.localtime_r(&t, tm) : Libc.gmtime_r(&t, tm)) == null) return null;
        return $"{tm[5] + 1900:D4}-{tm[4] + 1:D2}-{tm[3]:D2} {tm[2]:D2}:{tm[1]:D2}:{tm[0]:D2}.{stamp.Nanos:D9}";
    }
}
