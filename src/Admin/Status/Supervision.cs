using Execline.Native;
using Execline.Rc;
using Execline.Rc.Database;
using Execline.S6;

namespace Execline.Admin.Status;

/// What a running container supervises, read from its scandir (each service's supervise/status, as
/// s6-svstat reads it, its death_tally and notification-fd) and, on a v3 boot, from s6-rc's live
/// directory (which longruns are s6-rc's, which oneshots are up).
static class Supervision
{
    public const string V3Scandir = "/run/service", V2Scandir = "/var/run/s6/services", LiveDir = "/run/s6-rc";
    /// s6-rc's live state: a byte per service of the database, these bits (s6-rc's own).
    const byte StateUp = 1, StateWantedUp = 2;

    /// The scandir of the boot that is running: v3's, else v2's; null when neither exists.
    public static string? FindScandir(string? given) =>
        given ?? (Directory.Exists(V3Scandir) ? V3Scandir : Directory.Exists(V2Scandir) ? V2Scandir : null);

    public static List<ServiceRow> Rows(string scandir)
    {
        var db = LiveDatabase(out var state);
        var rows = new List<ServiceRow>();
        var names = Dirent.ListDirectory(scandir) ?? [];
        names.Sort(string.CompareOrdinal);
        var now = Tai64n.Now();
        foreach (var name in names)
        {
            // dot-entries are the scanner's own; s6-rc's internal longruns have no process of theirs here
            if (name.StartsWith('.') || name.StartsWith("s6rc-", StringComparison.Ordinal)) continue;
            var dir = $"{scandir}/{name}";
            if (!Directory.Exists(dir)) continue;
            bool isRc = db?.Services.Any(s => s.Name == name && s.Type == ServiceType.Longrun) == true;
            rows.Add(Supervised(name, isRc ? "longrun" : "service", dir, now));
            if (Directory.Exists(dir + "/log/supervise")) rows.Add(Supervised(name + "/log", "logger", dir + "/log", now));
        }
        if (db != null && state != null)
            for (int i = 0; i < db.Services.Count && i < state.Length; i++)
                if (db.Services[i].Type == ServiceType.Oneshot)
                {
                    bool up = (state[i] & StateUp) != 0;
                    rows.Add(new ServiceRow(db.Services[i].Name, "oneshot", up ? "up" : "down", null, null, null, null, null, null,
                        (state[i] & StateWantedUp) != 0, false));
                }
        return rows;
    }

    static ServiceRow Supervised(string name, string kind, string dir, Tai64n now)
    {
        bool notifies = File.Exists(dir + "/notification-fd"), normallyUp = !File.Exists(dir + "/down");
        if (ServiceStatus.Read(dir) is not { } st)
            return new ServiceRow(name, kind, "unsupervised", null, null, null, null, null, null, normallyUp, normallyUp);
        var tally = DeathTally.Decode(Unistd.ReadFile(dir + "/" + DeathTally.File) ?? []) ?? [];
        long restarts = tally.Length;
        string state = st.Finishing ? "finishing" : st.Pid != 0 ? (st.Paused ? "paused" : "up") : "down";
        return new ServiceRow(name, kind, state, st.Pid != 0 ? st.Pid : null, state == "up" ? now.SecondsSince(st.Stamp) : null,
            restarts, notifies ? st.Ready && state == "up" : null, LastExit(tally, st), CrashLoop.Read(dir), st.WantUp, normallyUp);
    }

    /// How run last ended: death_tally's last record (code, or 128+signal then the signal), else the wait
    /// status in supervise/status of a service that is down (with max-death-tally 0 nothing is recorded);
    /// null when it never ended.
    static string? LastExit(DeathTally.Death[] tally, ServiceStatus st)
    {
        if (tally.Length > 0)
        {
            var last = tally[^1];
            return last.Signal != 0 ? "SIG" + SignalNames.Name(last.Signal) : last.ExitCode.ToString();
        }
        if (st.Pid != 0 || st.Wstat == 0) return null;
        return st.DiedOfSignal ? "SIG" + SignalNames.Name((uint)st.Signal) : st.ExitCode.ToString();
    }

    /// The database s6-rc runs and its live state, when this is a v3 boot.
    static ServiceDatabase? LiveDatabase(out byte[]? state)
    {
        state = Unistd.ReadFile(LiveDir + "/state");
        if (state == null) return null;
        try
        {
            return DatabaseFile.Load(LiveDir + "/compiled");
        }
        catch (RcError)
        {
            return null;
        }
    }
}
