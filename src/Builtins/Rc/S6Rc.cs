using Execline.Builtins.PortableUtils;
using Execline.Rc;
using Execline.Rc.Database;
using Execline.Rc.Graph;
using Execline.Runtime;
using Execline.S6;
using System.Globalization;

namespace Execline.Builtins.Rc;

/// s6-rc [ -v verbosity ] [ -n dryrunthrottle ] [ -t timeout ] [ -l live ] [ -b ] [ -E | -e ] [ -u | -d | -D ]
/// [ -p ] [ -a ] help|list|listall|diff|start|stop|change [ servicenames... ] — s6-rc 0.7's: the selection
/// (names through bundles, -a adding what is up), listed as it is (list) or closed over dependencies
/// (listall), or brought up or down (change, with -p first stopping everything else) by Transitions.
public sealed class S6Rc : Builtin
{
    public override string Usage =>
        "s6-rc [ -v verbosity ] [ -n dryrunthrottle ] [ -t timeout ] [ -l live ] [ -b ] [ -E | -e ] [ -u | -d | -D ] [ -p ] [ -a ] help|list|listall|diff|start|stop|change [ servicenames... ]";

    const string Help =
        "s6-rc help\n" +
        "s6-rc [ -l live ] [ -a ] list [ servicenames... ]\n" +
        "s6-rc [ -l live ] [ -a ] [ -u | -d ] listall [ servicenames... ]\n" +
        "s6-rc [ -l live ] diff\n" +
        "s6-rc [ -l live ] [ -a ] [ -u | -d | -D ] [ -p ] [ -v verbosity ] [ -t timeout ] [ -n dryrunthrottle ] change [ servicenames... ]\n";

    static readonly string[] Commands = ["change", "diff", "help", "list", "listall", "start", "stop"];

    public override Outcome Run(Invocation inv)
    {
        bool down = false, hideEssentials = false, prune = false, addLive = false, wait = false, noLock = false;
        string? verbosityArg = null, dryRun = null, timeoutArg = null;
        string live = "/run/s6-rc";
        int first = Gol.Parse(inv,
            [
                new('u', "up", () => down = false), new('d', "down", () => down = true),
                new('D', "all-down", () => down = hideEssentials = true), new('p', "prune", () => prune = true),
                new('a', "add", () => addLive = true), new('b', "block", () => wait = true),
                new('E', "with-essentials", () => hideEssentials = false), new('e', "without-essentials", () => hideEssentials = true),
                new('\0', "no-lock", () => noLock = true),
            ],
            [
                new('v', "verbosity", v => verbosityArg = v), new('n', "dry-run", v => dryRun = v),
                new('t', "timeout", v => timeoutArg = v), new('l', "livedir", v => live = v),
            ]);
        uint verbosity = 1;
        if (verbosityArg != null && !uint.TryParse(verbosityArg, NumberStyles.None, null, out verbosity))
            throw inv.Die(100, "verbosity must be an unsigned integer");
        if (dryRun != null)
        {
            if (!uint.TryParse(dryRun, NumberStyles.None, null, out uint d)) throw inv.Die(100, "dry-run must be an unsigned integer");
            dryRun = d.ToString();
        }
        uint timeout = 0;
        if (timeoutArg != null && !uint.TryParse(timeoutArg, NumberStyles.None, null, out timeout))
            throw inv.Die(100, "timeout must be an unsigned integer");
        if (first >= inv.Argv.Count) throw inv.Usage();
        string command = inv.Argv[first];
        if (Array.IndexOf(Commands, command) < 0) throw inv.Die(100, $"unknown command: {command}");
        if (command == "help")
        {
            Output.Write(inv, Help);
            return Outcome.Exit(0);
        }
        if (command == "start") (command, down, prune) = ("change", false, false);
        else if (command == "stop") (command, down, prune) = ("change", true, false);

        var dir = new LiveDir(live);
        using var locks = noLock ? null : dir.Lock(inv, exclusive: command == "change", wait);
        ServiceDatabase db;
        try
        {
            db = DatabaseFile.Load(dir.Compiled);
        }
        catch (RcError e)
        {
            throw inv.Fail(e);
        }
        var state = dir.ReadState(inv, db.Count);
        if (command == "diff") return Outcome.Exit(Diff(inv, db, dir, state));

        var selected = new bool[db.Count];
        foreach (var name in inv.Argv.Skip(first + 1))
        {
            var atomics = db.Resolve(name) ?? throw inv.Die(3, $"{name} is not a recognized identifier in {dir.Compiled}/resolve.cdb");
            foreach (var i in atomics)
            {
                selected[i] = true;
                if (command == "change")
                {
                    if (down) state[i] &= unchecked((byte)~LiveDir.WantedUp);
                    else state[i] |= LiveDir.WantedUp;
                }
            }
        }
        if (addLive)
            for (int i = 0; i < db.Count; i++)
                if ((state[i] & LiveDir.Up) != 0) selected[i] = true;
        if (command == "list")
        {
            if (down) Invert(selected);
            return Print(inv, db, selected, hideEssentials);
        }
        selected = db.Graph.Closure(Enumerable.Range(0, db.Count).Where(i => selected[i]), down ? Direction.Down : Direction.Up);
        if (command == "listall") return Print(inv, db, selected, hideEssentials);

        long deadline = timeout == 0 ? long.MaxValue : Environment.TickCount64 + timeout;
        int signals = Transitions.Signals(inv);
        try
        {
            var run = new Transitions(inv, signals, db, dir, state, new Transitions.Options(Prog, verbosity, hideEssentials, dryRun, deadline));
            if (!prune) return Outcome.Exit(run.Change(selected, !down));
            // -p: first down everything outside what is to be up, then up the rest
            if (!down) Invert(selected);
            int code = run.Change(selected, false);
            if (code != 0) return Outcome.Exit(code);
            Invert(selected);
            return Outcome.Exit(run.Change(selected, true));
        }
        finally
        {
            if (signals >= 0) Native.Unistd.close(signals);
        }
    }

    static void Invert(bool[] selected)
    {
        for (int i = 0; i < selected.Length; i++) selected[i] = !selected[i];
    }

    /// The selected services in index order (essentials left out under -e or -D).
    static Outcome Print(Invocation inv, ServiceDatabase db, bool[] selected, bool hideEssentials)
    {
        var o = new Output(inv);
        for (int i = 0; i < db.Count; i++)
            if (selected[i] && !(hideEssentials && db.Services[i].IsEssential)) o.Put(db.Services[i].Name + "\n");
        o.Flush();
        return Outcome.Exit(0);
    }

    /// Each longrun whose supervisor wants it otherwise than the live state says: +NAME (wanted up by its
    /// supervisor), -NAME; 1 when there is one. The internal longruns have no supervised process to
    /// compare with.
    static int Diff(Invocation inv, ServiceDatabase db, LiveDir dir, byte[] state)
    {
        var o = new Output(inv);
        int code = 0;
        for (int i = 0; i < db.LongrunCount; i++)
        {
            string name = db.Services[i].Name;
            if (name is InternalServices.OneshotRunner or InternalServices.FdHolder) continue;
            var status = ServiceStatus.Read(dir.ServiceDir(name))
                ?? throw inv.DieErrno(111, $"unable to read longrun status for {dir.ServiceDir(name)}", Native.Errno.Value);
            if (((state[i] & LiveDir.Up) != 0) == status.WantUp) continue;
            code = 1;
            o.Put($"{(status.WantUp ? "+" : "-")}{name}\n");
        }
        o.Flush();
        return code;
    }
}
