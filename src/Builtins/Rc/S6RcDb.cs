using Execline.Builtins.PortableUtils;
using Execline.Rc;
using Execline.Rc.Database;
using Execline.Rc.Graph;
using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// s6-rc-db [ -u | -d ] [ -l live ] [ -c compiled ] [ -b ] [ -E | -e ] command... — prints what a
/// compiled database holds, as s6-rc 0.7's s6-rc-db prints it from its own format: the same lines in the
/// same order (lists of a name's services from the last index down, as it walks them), the same exit
/// codes (3 unknown name, 4 invalid database, 5 wrong type of name, 100 usage, 111 system).
public sealed class S6RcDb : Builtin
{
    public override string Usage =>
        "s6-rc-db [ -u | -d ] [ -l live ] [ -c compiled ] [ -b ] [ -E | -e ] command... (use s6-rc-db help for more information)";

    const string Help =
        "s6-rc-db help\n" +
        "s6-rc-db check\n" +
        "s6-rc-db list all|services|oneshots|longruns|bundles\n" +
        "s6-rc-db type servicename\n" +
        "s6-rc-db [ -u | -d ] timeout atomicname\n" +
        "s6-rc-db contents bundlename\n" +
        "s6-rc-db [ -u | -d ] dependencies servicename...\n" +
        "s6-rc-db pipeline longrunname\n" +
        "s6-rc-db [ -u | -d ] script oneshotname\n" +
        "s6-rc-db flags atomicname\n" +
        "s6-rc-db atomics servicename...\n" +
        "s6-rc-db [ -u | -d ] all-dependencies servicename...\n";

    static readonly string[] Commands =
    [
        "all-dependencies", "atomics", "check", "contents", "dependencies", "flags", "help", "list", "pipeline", "script",
        "timeout", "type",
    ];
    static readonly string[] Lists = ["all", "bundles", "longruns", "oneshots", "services"];

    Invocation _inv = null!;
    ServiceDatabase _db = null!;
    string _compiled = "";
    Output _out = null!;
    bool _hideEssentials;

    public override Outcome Run(Invocation inv)
    {
        _inv = inv;
        bool down = false, wait = false;
        string live = "/run/s6-rc";
        string? compiled = null;
        int first = Gol.Parse(inv,
            [
                new('u', "up", () => down = false), new('d', "down", () => down = true),
                new('b', "block", () => wait = true),
                new('E', "with-essentials", () => _hideEssentials = false),
                new('e', "without-essentials", () => _hideEssentials = true),
            ],
            [new('l', "livedir", v => live = v), new('c', "compiled", v => compiled = v)]);
        var args = inv.Argv.Skip(first).ToList();
        if (args.Count == 0) throw inv.Usage();
        string command = args[0];
        if (Array.IndexOf(Commands, command) < 0) throw inv.Die(100, $"unknown command: {command}");
        _out = new Output(inv);
        if (command == "help")
        {
            Output.Write(inv, Help);
            return Outcome.Exit(0);
        }
        if (command != "check" && args.Count < 2) throw inv.Usage();
        if (command == "list" && Array.IndexOf(Lists, args[1]) < 0) throw inv.Die(100, $"unknown subcommand: {args[1]}");

        _compiled = compiled ?? live + "/compiled";
        using (CompiledLock.Take(inv, _compiled, exclusive: false, wait))
        {
            try
            {
                _db = DatabaseFile.Load(_compiled);
            }
            catch (RcError e)
            {
                throw inv.Fail(e);
            }
        }
        var direction = down ? Direction.Down : Direction.Up;
        switch (command)
        {
            case "check": Check(); break;
            case "list": List(args[1]); break;
            case "type": Type(args[1]); break;
            case "timeout": Timeout(args[1], direction); break;
            case "contents": Contents(args[1]); break;
            case "dependencies": PrintFromLast(Union(args.Skip(1), direction, dependencies: true)); break;
            case "pipeline":
                if (!Pipeline(args[1])) return Outcome.Exit(5);
                break;
            case "script": Script(args[1], direction); break;
            case "flags": Line(((uint)_db.Services[Atomic(args[1])].Flags).ToString("x8")); break;
            case "atomics": PrintFromLast(Union(args.Skip(1), direction, dependencies: false)); break;
            case "all-dependencies":
                PrintFromLast(_db.Graph.Closure(Indices(Union(args.Skip(1), direction, dependencies: false)), direction));
                break;
        }
        _out.Flush();
        return Outcome.Exit(0);
    }

    void Line(string text) => _out.Put(text + "\n");

    /// The atomic services the name stands for; an unknown name ends the command with 3.
    int[] Resolve(string name) => _db.Resolve(name) ?? throw _inv.Die(3, $"{name} is not a valid identifier in {_compiled}");

    /// The index of an atomic service; a bundle's name ends the command with 5.
    int Atomic(string name)
    {
        Resolve(name);
        return _db.TryFindAtomic(name, out int i) ? i : throw WrongType(name, "a bundle");
    }

    Fatal WrongType(string name, string what) => _inv.Die(5, $"in database {_compiled}: identifier {name} represents {what}");

    void Timeout(string name, Direction direction)
    {
        var s = _db.Services[Atomic(name)];
        Line((direction == Direction.Up ? s.TimeoutUp : s.TimeoutDown).ToString());
    }

    void Type(string name)
    {
        Resolve(name);
        Line(_db.TryFindAtomic(name, out int i) ? _db.Services[i].Type.Word() : "bundle");
    }

    void List(string which)
    {
        int n = _db.Count, longruns = _db.LongrunCount;
        switch (which)
        {
            case "all":
                // s6-rc-db lists its name index, written atomic services from the last down, then bundles
                // from the last down
                for (int i = n - 1; i >= 0; i--) Line(_db.Services[i].Name);
                goto case "bundles";
            case "bundles":
                for (int b = _db.Bundles.Count - 1; b >= 0; b--) Line(_db.Bundles[b].Name);
                break;
            case "services": PrintRange(0, n); break;
            case "oneshots": PrintRange(longruns, n); break;
            case "longruns": PrintRange(0, longruns); break;
        }
    }

    void PrintRange(int from, int to)
    {
        for (int i = from; i < to; i++) Print(i);
    }

    void Print(int i)
    {
        if (!(_hideEssentials && _db.Services[i].IsEssential)) Line(_db.Services[i].Name);
    }

    void PrintFromLast(bool[] marked)
    {
        for (int i = marked.Length - 1; i >= 0; i--)
            if (marked[i]) Print(i);
    }

    static IEnumerable<int> Indices(bool[] marked) => Enumerable.Range(0, marked.Length).Where(i => marked[i]);

    void Contents(string name)
    {
        var atomics = Resolve(name);
        if (_db.TryFindAtomic(name, out _)) throw WrongType(name, "an atomic service");
        foreach (var i in atomics) Print(i);
    }

    /// The services the names stand for, or (dependencies) their direct dependencies, or dependents going
    /// down. Every name is checked before anything is printed.
    bool[] Union(IEnumerable<string> names, Direction direction, bool dependencies)
    {
        var marked = new bool[_db.Count];
        foreach (var name in names)
            foreach (var i in Resolve(name))
            {
                if (!dependencies) marked[i] = true;
                else foreach (var j in _db.Graph.Before(i, direction)) marked[j] = true;
            }
        return marked;
    }

    /// Each producer/consumer pair of the pipeline a longrun is in, producers before their consumer;
    /// nothing for a longrun in none. False for anything else than a longrun: s6-rc-db exits 5 without
    /// a word.
    bool Pipeline(string name)
    {
        Resolve(name);
        if (!_db.TryFindAtomic(name, out int last) || last >= _db.LongrunCount) return false;
        while (_db.Services[last].Consumer >= 0) last = _db.Services[last].Consumer;
        PrintProducers(last);
        return true;
    }

    void PrintProducers(int consumer)
    {
        foreach (var p in _db.Services[consumer].Producers)
        {
            PrintProducers(p);
            Line($"{_db.Services[p].Name}/{_db.Services[consumer].Name}");
        }
    }

    void Script(string name, Direction direction)
    {
        int i = Atomic(name);
        if (i < _db.LongrunCount) throw WrongType(name, "a longrun service");
        _out.Put(Text.Bytes.Latin1(DatabaseFile.Argv(_db.Services[i].Scripts!.For(direction == Direction.Up))));
    }

    void Check()
    {
        var s = _db.Services;
        if (_db.Graph.FindCycle() is var (from, involving))
            throw _inv.Die(4, $"invalid service database in {_compiled}: dependency cycle reached from {s[from].Name} and involving {s[involving].Name}");
        if (PipelineCheck.Find(s, _db.LongrunCount) is var (kind, left, right))
        {
            string what = kind == PipelineProblem.Cycle ? "cycle" : "collision";
            throw _inv.Die(4, $"invalid service database in {_compiled}: pipeline {what} reached from {s[left].Name} and involving {s[right].Name}");
        }
    }
}
