using Execline.Native;

namespace Execline.S6;

/// The processes of our PID namespace as /proc lists them, and a signal to all of them but some. The init's
/// broadcasts act on "every process but this one and its ancestors": when /init is not process 1, or stage 3
/// runs as the supervisor's child, its ancestors are the init itself and whatever started it, which must
/// survive the shutdown it is carrying out.
public static class ProcessTable
{
    /// Enough walks for whatever a process forked while the walk before went by (see Broadcast).
    const int MaxWalks = 100;

    public static HashSet<int> SelfAndAncestors()
    {
        var set = new HashSet<int>();
        for (int pid = System.Environment.ProcessId; pid > 0 && set.Add(pid);)
            pid = ReadStat(pid, out _) ?? 0;
        return set;
    }

    /// Living processes (not zombies) outside spared.
    public static IEnumerable<int> Others(HashSet<int> spared)
    {
        foreach (var name in Dirent.ListDirectory("/proc") ?? [])
        {
            if (!int.TryParse(name, out int pid) || spared.Contains(pid)) continue;
            if (ReadStat(pid, out char state) != null && state != 'Z' && state != 'X') yield return pid;
        }
    }

    /// s6-nuke's broadcasts, those asked for in its order, to every process outside spared: HUP, TERM then
    /// CONT, KILL.
    public static void Nuke(HashSet<int> spared, bool hangup, bool terminate, bool kill = false)
    {
        if (hangup) Broadcast(Signal.SIGHUP, spared);
        if (terminate)
        {
            Broadcast(Signal.SIGTERM, spared);
            Broadcast(Signal.SIGCONT, spared);
        }
        if (kill) Broadcast(Signal.SIGKILL, spared);
    }

    /// The children of parent, and every process below them.
    public static (List<int> Children, HashSet<int> Below) Descendants(int parent)
    {
        var parents = new Dictionary<int, int>();
        foreach (var name in Dirent.ListDirectory("/proc") ?? [])
            if (int.TryParse(name, out int pid) && ReadStat(pid, out char state) is int ppid && state != 'Z' && state != 'X')
                parents[pid] = ppid;
        var children = parents.Where(p => p.Value == parent).Select(p => p.Key).ToList();
        var below = new HashSet<int>(children);
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, ppid) in parents)
                if (below.Contains(ppid) && below.Add(pid)) grew = true;
        }
        return (children, below);
    }

    /// Sends sig to every living process outside spared. kill(-1) reaches them all at once, so no process
    /// escapes it by forking meanwhile; a walk of /proc does not, so it walks again until a walk finds no
    /// process it has not signalled yet. A process gone, or not ours to signal, is skipped as kill(-1) does.
    public static void Broadcast(int sig, HashSet<int> spared)
    {
        var signalled = new HashSet<int>();
        for (int walk = 0; walk < MaxWalks; walk++)
        {
            bool found = false;
            foreach (int pid in Others(spared).ToList())
            {
                if (!signalled.Add(pid)) continue;
                found = true;
                Signal.kill(pid, sig);
            }
            if (!found) return;
        }
    }

    /// The parent pid and state from /proc/PID/stat, or null when the process is gone.
    static int? ReadStat(int pid, out char state)
    {
        state = '?';
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length) return null;
        var fields = text.Substring(close + 2).Split(' ');
        state = fields[0].Length > 0 ? fields[0][0] : '?';
        return fields.Length > 1 && int.TryParse(fields[1], out int ppid) ? ppid : null;
    }
}
