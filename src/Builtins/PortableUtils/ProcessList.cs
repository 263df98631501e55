using Execline.Native;
using Execline.Text;

namespace Execline.Builtins.PortableUtils;

/// One process as /proc shows it, for s6-ps.
sealed class ProcessEntry
{
    public ulong Pid, Ppid, Pgrp, Session, TtyNr, Utime, Stime, Cutime, Cstime, Threads, Start, Vsize, Rss, Rsslim,
        Wchan, Cpu, Rtprio, Policy;
    public long Tpgid, Prio, Nice;
    public uint Uid, Gid;
    public char State;
    /// The name in /proc/PID/stat, and the one in /proc/PID/comm.
    public string StatName = "", Comm = "";
    /// The command line with NULs between words (trailing ones removed), "" for a kernel thread.
    public string CommandLine = "";
    /// The environment with NULs between entries, null when it cannot be read.
    public string? Environment;
    /// Depth in the tree display.
    public int Height;
}

/// Reads every process of /proc, in readdir order. A process that vanishes or cannot be read is left out.
static class ProcessList
{
    public static List<ProcessEntry>? Read(bool wantEnvironment)
    {
        var names = Dirent.ListDirectory("/proc");
        if (names == null) return null;
        var list = new List<ProcessEntry>();
        foreach (var name in names)
        {
            if (!Runtime.Numbers.TryUnsigned(name, out var pid)) continue;
            var p = ReadOne("/proc/" + name, pid, wantEnvironment);
            if (p != null) list.Add(p);
        }
        return list;
    }

    static ProcessEntry? ReadOne(string dir, ulong pid, bool wantEnvironment)
    {
        if (SysStat.StatPath(dir, out var st) < 0) return null;
        var stat = Unistd.ReadFile(dir + "/stat");
        var comm = Unistd.ReadFile(dir + "/comm");
        var cmdline = Unistd.ReadFile(dir + "/cmdline");
        if (stat == null || comm == null || cmdline == null) return null;
        var p = new ProcessEntry { Pid = pid, Uid = st.Uid, Gid = st.Gid };
        var text = Bytes.Latin1(stat);
        int open = text.IndexOf('('), close = text.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        p.StatName = text[(open + 1)..close];
        var f = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 39) return null;
        p.State = f[0].Length > 0 ? f[0][0] : '?';
        p.Ppid = U(f[1]); p.Pgrp = U(f[2]); p.Session = U(f[3]); p.TtyNr = U(f[4]); p.Tpgid = S(f[5]);
        p.Utime = U(f[11]); p.Stime = U(f[12]); p.Cutime = U(f[13]); p.Cstime = U(f[14]);
        p.Prio = S(f[15]); p.Nice = S(f[16]); p.Threads = U(f[17]); p.Start = U(f[19]);
        p.Vsize = U(f[20]); p.Rss = U(f[21]); p.Rsslim = U(f[22]); p.Wchan = U(f[32]);
        p.Cpu = U(f[36]); p.Rtprio = U(f[37]); p.Policy = U(f[38]);
        var c = Bytes.Latin1(comm);
        p.Comm = c.EndsWith('\n') ? c[..^1] : c;
        p.CommandLine = Bytes.Latin1(cmdline).TrimEnd('\0');
        if (wantEnvironment && Unistd.ReadFile(dir + "/environ") is { Length: > 0 } env) p.Environment = Bytes.Latin1(env);
        return p;
    }

    static ulong U(string s) => ulong.TryParse(s, out var v) ? v : 0;
    static long S(string s) => long.TryParse(s, out var v) ? v : 0;
}
