using Execline.Native;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// The columns s6-ps can show: the -o name, the header, whether numbers are right-aligned, and how a
/// process's value is written.
sealed record PsField(string Name, string Header, bool Right, Func<PsContext, ProcessEntry, string> Format)
{
    static readonly string[] Policies = ["NORMAL", "FIFO", "RR", "BATCH", "ISO", "IDLE", "UNKNOWN", "UNKNOWN"];

    public static readonly PsField[] All =
    [
        new("pid", "PID", true, (_, p) => p.Pid.ToString()),
        new("comm", "COMM", false, (_, p) => p.Comm),
        new("s", "STAT", false, (_, p) => State(p)),
        new("ppid", "PPID", true, (_, p) => p.Ppid.ToString()),
        new("pgrp", "PGRP", true, (_, p) => p.Pgrp.ToString()),
        new("sess", "SESSION", true, (_, p) => p.Session.ToString()),
        new("tty", "TTY", false, (c, p) => p.TtyNr == 0 ? "-" : c.TtyName(p.TtyNr)),
        new("tpgid", "TPGID", true, (_, p) => p.Tpgid < 0 ? "-1" : p.Tpgid.ToString()),
        new("utime", "UTIME", false, (c, p) => c.Duration(p.Utime)),
        new("stime", "STIME", false, (c, p) => c.Duration(p.Stime)),
        new("cutime", "CUTIME", false, (c, p) => c.Duration(p.Utime + p.Cutime)),
        new("cstime", "CSTIME", false, (c, p) => c.Duration(p.Stime + p.Cstime)),
        new("prio", "PRIO", true, (_, p) => p.Prio.ToString()),
        new("nice", "NICE", true, (_, p) => p.Nice.ToString()),
        new("thcount", "THREADS", true, (_, p) => p.Threads.ToString()),
        new("start", "START", false, (c, p) => c.StartTime(p)),
        new("vsize", "VSZ", true, (_, p) => (p.Vsize / 1024).ToString()),
        new("rss", "RSS", true, (c, p) => (p.Rss * (c.PageSize / 1024)).ToString()),
        new("rsslimit", "RSSLIM", true, (_, p) => (p.Rsslim / 1024).ToString()),
        new("psr", "CPU", true, (_, p) => p.Cpu.ToString()),
        new("rtprio", "RTPRIO", true, (_, p) => p.Rtprio.ToString()),
        new("policy", "RTPOLICY", false, (_, p) => Policies[p.Policy & 7]),
        new("user", "USER", false, (c, p) => c.UserName(p.Uid)),
        new("group", "GROUP", false, (c, p) => c.GroupName(p.Gid)),
        new("pmem", "%MEM", true, (c, p) => c.Percent(c.TotalMemory == 0 ? 0 : p.Rss * c.PageSize * 10000 / c.TotalMemory)),
        // the kernel no longer tells where a process sleeps: only whether it does
        new("wchan", "WCHAN", false, (_, p) => p.Wchan == 0 ? "-" : "?"),
        new("args", "COMMAND", false, (_, p) => Arguments(p)),
        new("env", "ENVIRONMENT", false, (_, p) => p.Environment?.Replace('\0', ' ') ?? "*"),
        new("pcpu", "%CPU", true, (c, p) => c.Percent(10000 * (p.Utime + p.Stime) / c.JiffiesSince(p.Start))),
        new("ttime", "TTIME", false, (c, p) => c.Duration(p.Utime + p.Stime)),
        new("cttime", "CTTIME", false, (c, p) => c.Duration(p.Utime + p.Stime + p.Cutime + p.Cstime)),
        new("tstart", "TSTART", false, (c, p) => c.StartStamp(p).Label()),
        new("cpcpu", "C%CPU", true, (c, p) => c.Percent(10000 * (p.Utime + p.Stime + p.Cutime + p.Cstime) / c.JiffiesSince(p.Start))),
    ];


    /// The state letter, then s (session leader), l (threads), + (foreground group), N or < (niced).
    static string State(ProcessEntry p)
    {
        var s = p.State.ToString();
        if (p.Pid == p.Session) s += 's';
        if (p.Threads > 1) s += 'l';
        if (p.Tpgid > 0 && (ulong)p.Tpgid == p.Pgrp) s += '+';
        if (p.Nice != 0) s += p.Nice < 0 ? '<' : 'N';
        return s;
    }

    /// The command line (indented under its parent in a tree), "(name)" for a kernel thread, "name
    /// <defunct>" for a zombie.
    static string Arguments(ProcessEntry p)
    {
        var indent = p.Height > 0 ? new string(' ', 4 * p.Height - 3) + "\\_ " : "";
        if (p.CommandLine.Length > 0) return indent + p.CommandLine.Replace('\0', ' ');
        return indent + (p.State == 'Z' ? p.StatName + " <defunct>" : "(" + p.StatName + ")");
    }
}

/// What formatting needs besides the process: clock ticks, page size, boot time, name caches.
sealed class PsContext
{
    public const ulong Hz = 100;
    public readonly ulong PageSize = (ulong)System.Environment.SystemPageSize;
    public readonly ulong TotalMemory = MemoryTotal();
    readonly DateTime _now = DateTime.UtcNow;
    readonly DateTime _boot;
    readonly Dictionary<uint, string> _users, _groups;
    readonly Dictionary<ulong, string> _ttys = new();

    public PsContext()
    {
        var uptime = Unistd.ReadFile("/proc/uptime") is { } u ? Text.Bytes.Latin1(u).Split(' ')[0] : "0";
        _boot = _now - TimeSpan.FromSeconds(double.TryParse(uptime, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0);
        _users = Names("/etc/passwd");
        _groups = Names("/etc/group");
    }

    /// name:x:id:... lines; the first name for an id wins.
    static Dictionary<uint, string> Names(string file)
    {
        var d = new Dictionary<uint, string>();
        if (Unistd.ReadFile(file) is not { } data) return d;
        foreach (var line in Text.Bytes.Latin1(data).Split('\n'))
        {
            var f = line.Split(':');
            if (f.Length >= 3 && uint.TryParse(f[2], out var id)) d.TryAdd(id, f[0]);
        }
        return d;
    }

    static ulong MemoryTotal()
    {
        if (Unistd.ReadFile("/proc/meminfo") is not { } data) return 0;
        foreach (var line in Text.Bytes.Latin1(data).Split('\n'))
            if (line.StartsWith("MemTotal:") && ulong.TryParse(line[9..].Trim().Split(' ')[0], out var kb)) return kb * 1024;
        return 0;
    }

    public string UserName(uint uid) => _users.TryGetValue(uid, out var n) ? n : $"({uid})";
    public string GroupName(uint gid) => _groups.TryGetValue(gid, out var n) ? n : $"({gid})";

    /// The terminal's name under /dev, or (major:minor).
    public string TtyName(ulong dev)
    {
        if (_ttys.TryGetValue(dev, out var known)) return known;
        uint major = (uint)((dev >> 8) & 0xfff), minor = (uint)((dev & 0xff) | ((dev >> 12) & 0xfff00));
        string? name = null;
        if (major == 4 && minor < 64) name = Check($"tty{minor}", dev);
        else if (major is >= 136 and < 144) name = Check($"pts/{((major - 136) << 20) | minor}", dev);
        if (name == null && Unistd.ReadFile($"/sys/dev/char/{major}:{minor}/uevent") is { } uevent)
            foreach (var line in Text.Bytes.Latin1(uevent).Split('\n'))
                if (line.StartsWith("DEVNAME=")) { name = Check(line[8..], dev); break; }
        return _ttys[dev] = name ?? $"({major}:{minor})";
    }

    static string? Check(string name, ulong dev) =>
        SysStat.StatPath("/dev/" + name, out var st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFCHR && st.Rdev == dev ? name : null;

    /// [Nd][HHh][MMm]SS[.hh]s: hundredths only under a minute.
    public string Duration(ulong jiffies)
    {
        ulong hundredths = jiffies % Hz * 100 / Hz, t = jiffies / Hz;
        ulong secs = t % 60, mins = t / 60 % 60, hours = t / 3600 % 24, days = t / 86400;
        var s = "";
        if (days > 0) s += $"{days}d";
        if (days > 0 || hours > 0) s += $"{hours:00}h";
        if (days > 0 || hours > 0 || mins > 0) s += $"{mins:00}m";
        s += $"{secs:00}";
        if (days == 0 && hours == 0 && mins == 0) s += $".{hundredths:00}";
        return s + "s";
    }

    public string Percent(ulong n) => $"{n / 100}.{n % 100:00}";

    public ulong JiffiesSince(ulong start)
    {
        ulong total = (ulong)Math.Max(0, (_now - _boot).Ticks / (TimeSpan.TicksPerSecond / (long)Hz));
        ulong j = total > start ? total - start : 0;
        return j == 0 ? 1 : j;
    }

    DateTime Started(ProcessEntry p) => _boot + TimeSpan.FromTicks((long)p.Start * (TimeSpan.TicksPerSecond / (long)Hz));

    /// Local time: HH:MM:SS today, MonDD HH:MM within the year, YYYY-MM-DD before.
    public string StartTime(ProcessEntry p)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(Started(p), TimeZoneInfo.Local);
        var now = TimeZoneInfo.ConvertTimeFromUtc(_now, TimeZoneInfo.Local);
        if (start.Year == now.Year && start.DayOfYear == now.DayOfYear) return start.ToString("HH:mm:ss");
        if (start.Year == now.Year || (start.Year + 1 == now.Year && (now.Month + 12 - start.Month) % 12 < 9))
            return start.ToString("MMMdd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return start.ToString("yyyy-MM-dd");
    }

    public Tai64n StartStamp(ProcessEntry p)
    {
        long ticks = Started(p).Ticks - DateTime.UnixEpoch.Ticks;
        return Tai64n.FromUnix(ticks / TimeSpan.TicksPerSecond, (uint)(ticks % TimeSpan.TicksPerSecond * 100));
    }
}
