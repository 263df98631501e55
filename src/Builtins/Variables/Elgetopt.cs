using Execline.Runtime;

namespace Execline.Builtins.Variables;

/// elgetopt [ -D default ] optstring prog...
/// Parses the positional parameters as options: ELGETOPT_c gets each option's argument (or default,
/// "1", for a flag), the earlier ELGETOPT_ frame is pushed, and "#", "1"... become the operands left.
public sealed class Elgetopt : Builtin
{
    public override string Usage => "elgetopt [ -D default ] optstring prog...";

    public override Outcome Run(Invocation inv)
    {
        var sharp = inv.Env.Get("#");
        string dflt = "1";
        var g = new Getopt(inv.Argv, "D:");
        while (g.Next(out var c, out var arg))
        {
            if (c != 'D') throw inv.Usage();
            dflt = arg!;
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var optstring = inv.Argv[g.Index];
        if (sharp == null) throw inv.Die(100, "# not set");
        if (!Positionals.TryScan(sharp, out var count)) throw inv.Die(100, "invalid $#");

        var args = new string[(ulong)count + 1];
        for (uint i = 0; i <= count; i++) args[i] = Positionals.Get(inv, i);

        var sets = new List<(string Name, string? Value)>();
        var p = new ScriptOptions(args, optstring);
        while (p.Next(out var opt, out var optarg))
        {
            if (opt == '?' || opt == ':')
            {
                // the diagnostic is named after the script ($0), not after elgetopt
                inv.WriteErr($"{args[0]}: {(opt == '?' && p.Index < args.Length ? "illegal option" : "option requires an argument")}\n");
                if (opt == '?') return Outcome.Exit(1);
            }
            sets.Add(("ELGETOPT_" + opt, optarg ?? dflt));
        }
        int left = args.Length - p.Index;
        for (uint i = 0; i < count; i++)
            sets.Add(((i + 1).ToString(), i < left ? args[p.Index + i] : null));
        sets.Add(("#", left.ToString()));

        Frames.Push(inv.Env, Frames.ElgetoptPrefix);
        foreach (var (name, value) in sets)
        {
            if (value == null) inv.Env.Unset(name);
            else inv.Env.Set(name, value);
        }
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }

    /// skalibs' subgetopt over the script's arguments (args[0] is $0): like Getopt, but a leading ':' in
    /// optstring makes a missing argument come back as ':' instead of '?'.
    sealed class ScriptOptions(string[] args, string optstring)
    {
        int _pos;
        public int Index { get; private set; } = 1;

        public bool Next(out char opt, out string? arg)
        {
            opt = '\0';
            arg = null;
            if (Index >= args.Length) return false;
            if (_pos > 0 && _pos >= args[Index].Length)
            {
                Index++;
                _pos = 0;
                if (Index >= args.Length) return false;
            }
            if (_pos == 0)
            {
                var w = args[Index];
                if (w.Length == 0 || w[0] != '-') return false;
                _pos = 1;
                if (w.Length > 1 && w[1] == '-')
                {
                    if (w.Length > 2) { opt = '?'; return true; }
                    Index++;
                    _pos = 0;
                    return false;
                }
                if (w.Length == 1) { _pos = 0; return false; }
            }
            char c = args[Index][_pos++];
            int s = 0;
            char missing = '?';
            if (optstring.Length > 0 && optstring[0] == ':') { s = 1; missing = ':'; }
            while (s < optstring.Length)
            {
                if (c == optstring[s])
                {
                    if (s + 1 < optstring.Length && optstring[s + 1] == ':')
                    {
                        arg = args[Index].Substring(_pos);
                        Index++;
                        _pos = 0;
                        if (arg.Length == 0)
                        {
                            if (Index >= args.Length) { arg = null; opt = missing; return true; }
                            arg = args[Index++];
                        }
                    }
                    opt = c;
                    return true;
                }
                if (++s < optstring.Length && optstring[s] == ':') s++;
            }
            opt = '?';
            return true;
        }
    }
}
