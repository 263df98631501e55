using System.Text;
using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// forstdin [ -E | -e ] [ -p | -o okcode,okcode,... | -x breakcode,breakcode,... ] [ -N | -n ] [ -C | -c ] [ -0 | -d delim ] var command...
/// Runs command once per chunk of stdin (a line by default) with var set to it. Exits 1 when stdin
/// had no chunk at all.
public sealed class Forstdin : Builtin
{
    public override string Usage => "forstdin [ -E | -e ] [ -p | -o okcode,okcode,... | -x breakcode,breakcode,... ] [ -N | -n ] [ -C | -c ] [ -0 | -d delim ] var command...";

    public override Outcome Run(Invocation inv)
    {
        bool parallel = false, chomp = true, crunch = false, import = false;
        string delims = "\n";
        var rule = new BreakRule();
        var g = new Getopt(inv.Argv, "pNnCc0d:o:x:Ee");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'p': parallel = true; break;
                case 'N': chomp = false; break;
                case 'n': chomp = true; break;
                case 'C': crunch = true; break;
                case 'c': crunch = false; break;
                case '0': delims = "\0"; break;
                // A C string: the delimiter set ends at its first NUL; empty means netstrings.
                case 'd': delims = arg!.IndexOf('\0') is var n and >= 0 ? arg.Substring(0, n) : arg; break;
                case 'o' or 'x': if (!rule.Take(c, arg!)) throw inv.Usage(); break;
                case 'E': import = true; break;
                case 'e': import = false; break;
                default: throw inv.Usage();
            }
        }
        int i = g.Index;
        if (inv.Argv.Count - i < 2) throw inv.Usage();
        var var = inv.Argv[i];
        if (!inv.IsValidVariable(var)) throw inv.Die(100, "invalid variable name");
        var body = new LoopBody(inv, inv.Rest(i + 1), var, import);

        var reader = new ChunkReader(inv.State.Fds.Real(0));
        var value = new StringBuilder();
        var running = new List<int>();
        int code = 1;
        while (true)
        {
            value.Clear();
            if (delims.Length > 0)
            {
                var r = reader.ReadUntil(delims, value);
                if (r == ChunkReader.Result.End) break;
                if (r == ChunkReader.Result.Error) throw inv.DieErrno(111, "unable to skagetlnsep", reader.Errno);
                // A last chunk without its delimiter is dropped when delimiters are being removed.
                if (r == ChunkReader.Result.Partial && chomp) break;
                if (crunch && value.Length == 1) continue;
                if (chomp) value.Length--;
            }
            else
            {
                var r = reader.ReadNetstring(value);
                if (r == ChunkReader.Result.End) break;
                if (r == ChunkReader.Result.Error) throw inv.DieErrno(111, "unable to netstring_get", reader.Errno);
            }
            code = 0;
            if (!parallel)
            {
                var st = body.Run(value.ToString());
                if (rule.Breaks(st.EStatus)) return Outcome.Exit(st.EStatus);
                continue;
            }
            running.Add(body.Spawn(value.ToString()));
            // Reap the finished ones as we go, as upstream's SIGCHLD handler does.
            running.RemoveAll(pid => Children.TryWait(pid, out _));
        }
        foreach (var pid in running) inv.Wait(pid);
        return Outcome.Exit(code);
    }
}
