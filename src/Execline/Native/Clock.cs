using System.Runtime.InteropServices;

namespace Execline.Native;

/// <time.h>: clocks and broken-down time (named Clock, as the Builtins have a Time namespace).
public static unsafe partial class Clock
{
    public const int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1;

    /// struct timespec.
    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Sec, Nsec;
    }

    /// struct tm (glibc's, with tm_gmtoff and tm_zone; the same on x86_64 and aarch64).
    [StructLayout(LayoutKind.Sequential)]
    public struct Tm
    {
        public int Sec, Min, Hour, Mday, Mon, Year, Wday, Yday, Isdst;
        public long Gmtoff;
        public byte* Zone;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int clock_gettime(int clock, Timespec* ts);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int clock_settime(int clock, Timespec* ts);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial Tm* localtime_r(long* t, Tm* tm);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial Tm* gmtime_r(long* t, Tm* tm);
}
