using Execline.Builtins.PortableUtils;
using Execline.Native;
using Execline.Parsing;
using Execline.Rc;
using Execline.Rc.Database;
using Execline.Rc.Graph;
using Execline.Runtime;
using Execline.S6;
using System.Globalization;

namespace Execline.Builtins.Rc;

/// s6-rc-update [ -n ] [ -v verbosity ] [ -t timeout ] [ -l live ] [ -f convfile ] [ -E | -e ] [ -b ] newdb —
/// s6-rc 0.7's: switches the live directory to another compiled database. What UpdatePlan says must go
/// down goes down (s6-rc's transitions, in our process), a new live directory `LIVE:s6-rc-update:XXXXXX`
/// takes the service directories of what stays up (their supervisors never notice) and fresh copies of
/// the others, the LIVE link moves to it, the scandir loses the removed services and gains the new ones
/// (down), and what had to restart comes up again. The pipes of kept pipelines stay in our supervisor.
public sealed class S6RcUpdate : Builtin
{
    public override string Usage =>
        "s6-rc-update [ -n ] [ -v verbosity ] [ -t timeout ] [ -l live ] [ -f conversion_file ] [ -E | -e ] [ -b ] newdb";

    public override Outcome Run(Invocation inv)
    {
        bool dryRun = false, wait = false, forceEssentials = false;
        string? verbosityArg = null, timeoutArg = null;
        string live = "/run/s6-rc", convfile = "/dev/null";
        int first = Gol.Parse(inv,
            [
                new('n', "dry-run", () => dryRun = true), new('b', "block", () => wait = true),
                new('E', "no-force-essentials", () => forceEssentials = false), new('e', "force-essentials", () => forceEssentials = true),
            ],
            [
                new('v', "verbosity", v => verbosityArg = v), new('t', "timeout", v => timeoutArg = v),
                new('l', "livedir", v => live = v), new('f', "conversion-file", v => convfile = v),
            ]);
        if (first >= inv.Argv.Count) throw inv.Usage();
        uint verbosity = 1, timeout = 0;
        if (verbosityArg != null && !uint.TryParse(verbosityArg, NumberStyles.None, null, out verbosity))
            throw inv.Die(100, "verbosity must be an unsigned integer");
        if (timeoutArg != null && !uint.TryParse(timeoutArg, NumberStyles.None, null, out timeout))
            throw inv.Die(100, "timeout must be an unsigned integer");
        string newPath = inv.Argv[first];
        if (!live.StartsWith('/')) throw inv.Die(100, $"{live} is not an absolute path");
        if (!newPath.StartsWith('/')) throw inv.Die(100, $"{newPath} is not an absolute path");
        live = live.TrimEnd('/');
        long deadline = timeout == 0 ? long.MaxValue : Environment.TickCount64 + timeout;

        var dir = new LiveDir(live);
        using var locks = dir.Lock(inv, exclusive: true, wait);
        using var newLock = CompiledLock.Take(inv, newPath, exclusive: false, wait);
        string prefix = Text.Bytes.Latin1(Unistd.ReadFile(live + "/prefix") ?? throw inv.DieErrno(111, $"unable to read prefix for {live}", Errno.Value));
        ServiceDatabase olddb, newdb;
        try
        {
            olddb = DatabaseFile.Load(dir.Compiled);
            newdb = DatabaseFile.Load(newPath);
        }
        catch (RcError e)
        {
            throw inv.Fail(e);
        }
        var oldState = dir.ReadState(inv, olddb.Count);

        void Info(string text)
        {
            if (verbosity >= 2) inv.WriteErr($"{Prog}: info: {text}\n");
        }

        Info("computing state adjustments");
        UpdatePlan plan;
        try
        {
            plan = UpdatePlan.Compute(olddb, oldState, newdb, newPath, ReadConversions(inv, convfile, olddb, live));
        }
        catch (UpdatePlan.Refused r)
        {
            throw inv.Die(r.Code, r.Message);
        }
        var down = Enumerable.Range(0, olddb.Count).Where(plan.OldWantsDown).ToList();
        var up = Enumerable.Range(0, newdb.Count).Where(plan.NewWantsUp).ToList();
        Info("stopping services in the old database");
        if (dryRun)
        {
            DryLine(inv, verbosity, timeout, live, forceEssentials ? "-D" : "-d", down.Select(i => olddb.Services[i].Name));
            Info("starting services in the new database");
            DryLine(inv, verbosity, timeout, live, "-u", up.Select(j => newdb.Services[j].Name));
            return Outcome.Exit(0);
        }
        int signals = Transitions.Signals(inv);
        var options = new Transitions.Options("s6-rc", verbosity, forceEssentials, null, deadline);
        int code;
        try
        {
            var selected = olddb.Graph.Closure(down, Direction.Down);
            code = new Transitions(inv, signals, olddb, dir, oldState, options).Change(selected, false);
        }
        catch (Fatal f)
        {
            inv.WriteErr(f.Line + "\n");
            code = f.Code;
        }
        if (code != 0) throw inv.Die(code is 1 or 2 ? code + 8 : code, "first s6-rc invocation failed");

        Info("updating state and service directories");
        string scandir = Unistd.ReadLink(live + "/scandir") ?? throw inv.DieErrno(111, $"unable to readlink {live}/scandir", Errno.Value);
        string oldReal = Stdlib.RealPath(live) ?? throw inv.DieErrno(111, $"unable to realpath {live}", Errno.Value);
        MakeNewLiveDir(inv, dir, olddb, newdb, newPath, plan, scandir, prefix, oldReal);
        Info("successfully switched to new database");
        for (int i = 0; i < olddb.LongrunCount; i++)
            if (!plan.Kept(i)) Unsupervise(scandir, prefix + olddb.Services[i].Name, $"{oldReal}/servicedirs/{olddb.Services[i].Name}");
        Tree.Remove(oldReal);
        var services = Enumerable.Range(0, newdb.LongrunCount).Select(j => (dir.ServiceDir(newdb.Services[j].Name), newdb.Services[j].Name)).ToList();
        int err = SupervisorLinks.Link(scandir, services, prefix, deadline);
        if (err == Errno.ENXIO) throw inv.Die(100, $"unable to manage new service directories in {live}: s6-svscan not running on {live}/scandir");
        if (err != 0) throw inv.DieErrno(111, $"unable to manage new service directories in {live}", err);
        // the pipes of kept pipelines stay where they are, in our supervisor: nothing to move
        Info("updating s6rc-fdholder pipe storage");
        Info("cleaning up scan directory");
        if (ControlFifo.Send(scandir, ".s6-svscan", "an", out err) != Delivery.Sent)
            inv.Warn($"unable to send command to s6-svscan on {live}/scandir{(err != 0 ? ": " + Errno.StrError(err) : "")}");

        Info("starting services in the new database");
        var newState = dir.ReadState(inv, newdb.Count);
        var selectedUp = newdb.Graph.Closure(up, Direction.Up);
        foreach (var j in up) newState[j] |= LiveDir.WantedUp;
        return Outcome.Exit(new Transitions(inv, signals, newdb, dir, newState, options with { HideEssentials = false }).Change(selectedUp, true));
    }

    /// -n: the s6-rc command lines s6-rc-update would run, as its s6-rc-dryrun prints them.
    static void DryLine(Invocation inv, uint verbosity, uint timeout, string live, string how, IEnumerable<string> names)
    {
        if (verbosity == 0) return;
        inv.Write(1, $"s6-rc-dryrun: s6-rc -v {verbosity} -t {timeout} -l {live} {how} -- change{string.Concat(names.Reverse().Select(n => " " + n))}\n");
    }

    /// The conversion file: per line `oldname [ -> newname ] [ restart ]`, in execline's syntax.
    static Dictionary<int, (string?, bool)> ReadConversions(Invocation inv, string file, ServiceDatabase olddb, string live)
    {
        var data = Unistd.ReadFile(file) ?? throw inv.DieErrno(111, $"unable to open {file}", Errno.Value);
        var result = new Dictionary<int, (string?, bool)>();
        foreach (var line in Text.Bytes.Latin1(data).Split('\n'))
        {
            List<string> words;
            try
            {
                words = ScriptParser.Parse(line, file).ToList();
            }
            catch (ScriptError e)
            {
                throw inv.Die(100, $"{(e.Kind == "syntax error" ? "syntax error" : "mismatched braces")} in conversion file: {line}");
            }
            if (words.Count == 0) continue;
            string old = words[0];
            if (olddb.Resolve(old) == null) throw inv.Die(3, $"unknown identifier in {live}/compiled/resolve.cdb: {old}");
            if (!olddb.TryFindAtomic(old, out int i)) throw inv.Die(5, $"identifier {old} does not represent an atomic service in {live}/compiled");
            if (result.ContainsKey(i)) throw inv.Die(6, $"service {old} appears more than once in conversion file");
            int k = 1;
            string? newName = null;
            if (words.Count >= 3 && words[1] == "->")
            {
                newName = words[2];
                k = 3;
            }
            bool restart = false;
            for (; k < words.Count; k++)
            {
                if (words[k] != "restart") throw inv.Die(100, $"unknown keyword in conversion file: {words[k]}");
                restart = true;
            }
            result[i] = (newName, restart);
        }
        return result;
    }

    /// The new live directory: the kept longruns' directories moved in (supervise/ and event/ with them)
    /// and refreshed from the new database, fresh copies for the others; then the LIVE link switched.
    void MakeNewLiveDir(Invocation inv, LiveDir live, ServiceDatabase olddb, ServiceDatabase newdb, string newPath,
        UpdatePlan plan, string scandir, string prefix, string oldReal)
    {
        var state = new byte[newdb.Count];
        for (int j = 0; j < newdb.Count; j++) state[j] = plan.NewIsUp(j) ? LiveDir.Up : (byte)0;
        var fresh = LiveDir.Create(live.Path, Prog, scandir, prefix, newPath, state, out int err)
            ?? throw inv.DieErrno(111, "unable to create new livedir", err);
        var moved = new List<(string From, string To)>();
        for (int j = 0; err == 0 && j < newdb.LongrunCount; j++)
        {
            string name = newdb.Services[j].Name, to = fresh.ServiceDir(name), from = $"{newPath}/servicedirs/{name}";
            if (plan.NewIsUp(j))
            {
                string old = $"{oldReal}/servicedirs/{olddb.Services[plan.Image[j]].Name}";
                err = Files.Rename(old, to);
                if (err != 0) break;
                moved.Add((to, old));
                err = Refresh(from, to);
            }
            else using (new TemporaryUmask(0)) err = Tree.Copy(from, to);
        }
        if (err == 0) err = fresh.DeclarePipelines(newdb);
        if (err == 0) err = fresh.BecomeCurrent(live.Path);
        if (err == 0) return;
        // nothing switched: the kept directories go back where their supervisors expect them
        foreach (var (from, to) in moved) Files.Rename(from, to);
        Tree.Remove(fresh.Path);
        throw inv.DieErrno(111, $"unable to make new live directory in {fresh.Path}", err);
    }

    /// The files s6-rc-compile writes into a service directory (and the pipeline declarations), as the
    /// new database has them, over a directory still supervised: the old versions go, the new come in.
    static readonly string[] ServiceFiles =
    [
        "finish", "run", "notification-fd", "lock-fd", "timeout-kill", "flag-timeout-killpg", "timeout-finish", "max-death-tally",
        "down-signal", "reload-signal", "flag-newpidns", "template", "data", "env", "producer-for", "consumer-for",
        "crash-loop",
    ];

    static int Refresh(string from, string to)
    {
        foreach (var f in ServiceFiles)
        {
            Tree.Remove($"{to}/{f}");
            if (!Files.Stat($"{from}/{f}", out _, follow: false).HasValue) continue;
            int err;
            using (new TemporaryUmask(0)) err = Tree.Copy($"{from}/{f}", $"{to}/{f}");
            if (err != 0) return err;
        }
        return 0;
    }

    /// s6_supervise_unlink for a service that does not stay: its supervisor (reached in the old live
    /// directory: the link goes through LIVE, which leads to the new one now) is told to stop it and leave
    /// (`xd`), its scandir link goes. A kept service's link stays as it is, now leading to its moved
    /// directory (s6-rc-update unlinks and relinks it, to the same effect).
    static void Unsupervise(string scandir, string name, string oldDir)
    {
        ControlFifo.Send(oldDir, "supervise", "xd", out _);
        Files.Unlink($"{scandir}/{name}");
    }
}
