using Execline.Native;

namespace Execline.Init.Supervision;

/// One process holds what s6 spreads over an s6-supervise per service, so the supervisor raises its soft
/// limit on open files to the hard limit when it starts. What it starts (run, finish, loggers, the
/// `.s6-svscan` scripts) still gets the soft limit we were given: programs that select() or close every
/// descriptor up to the limit break under a huge one.
static class OpenFileLimit
{
    const ulong Infinity = ulong.MaxValue;

    /// Our soft limit, as raised.
    public static ulong Current { get; private set; }

    public static void Raise()
    {
        if (!SysResource.GetLimit(SysResource.RLIMIT_NOFILE, out ulong soft, out ulong hard)) return;
        Current = soft;
        // An unlimited hard limit still stops at what the kernel allows a process.
        ulong target = hard == Infinity ? KernelCeiling() : hard;
        if (soft >= target || SysResource.SetLimit(SysResource.RLIMIT_NOFILE, target, hard) < 0) return;
        Current = target;
        Spawn.OpenFiles = (soft, target, hard);
    }

    /// Back to the limit we were given, for good (before this process becomes `.s6-svscan/finish`).
    public static void Restore()
    {
        if (Spawn.OpenFiles is not { } limits) return;
        Spawn.OpenFiles = null;
        SysResource.SetLimit(SysResource.RLIMIT_NOFILE, limits.Child, limits.Hard);
        Current = limits.Child;
    }

    static ulong KernelCeiling()
    {
        var text = Unistd.ReadFile("/proc/sys/fs/nr_open");
        return text != null && ulong.TryParse(Text.Bytes.Latin1(text).Trim(), out ulong n) ? n : 1024 * 1024;
    }
}
