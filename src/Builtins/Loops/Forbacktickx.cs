using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// forbacktickx [ -p | -o okcode,okcode,... | -x breakcode,breakcode,... ] [ -E | -e ] [ -N | -n ] [ -C | -c ] [ -0 | -d delim ] var { backtickcmd... } command...
/// forstdin over the output of a block. As upstream, it becomes
/// pipeline -- { backtickcmd } unexport ! forstdin [options] -- var fdmove 0 FD command...
/// where FD is a copy of the original stdin, so each command still reads the original stdin.
public sealed class Forbacktickx : Builtin
{
    public override string Usage => "forbacktickx [ -p | -o okcode,okcode,... | -x breakcode,breakcode,... ] [ -E | -e ] [ -N | -n ] [ -C | -c ] [ -0 | -d delim ] var { backtickcmd... } command...";

    public override Outcome Run(Invocation inv)
    {
        bool parallel = false, chomp = true, crunch = false, import = false;
        string? delims = "\n", codes = null, codesOption = null;
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
                case '0': delims = null; break;
                case 'd': delims = arg; break;
                case 'o' or 'x':
                    if (!Numbers.TryCodeList(arg!, out _)) throw inv.Usage();
                    codes = arg;
                    codesOption = "-" + c;
                    break;
                case 'E': import = true; break;
                case 'e': import = false; break;
                default: throw inv.Usage();
            }
        }
        var argv = inv.Argv;
        int i = g.Index;
        if (argv.Count - i < 2 || argv[i].Length == 0) throw inv.Usage();
        var var = argv[i++];
        if (argv[i].Length == 0) throw inv.Die(100, "empty block");

        // The block goes to pipeline as it is: pipeline unquotes it and does the strict-mode checks.
        var pipeline = new List<string> { "pipeline", "--" };
        while (i < argv.Count && argv[i].Length > 0) pipeline.Add(argv[i++]);
        if (i == argv.Count) throw inv.Die(100, "unterminated block");
        i++;
        pipeline.Add("");
        pipeline.Add("forstdin");

        int stdin = inv.State.Fds.Real(0);
        var restore = new List<string>();
        if (stdin < 0) restore.AddRange(["fdclose", "0"]);
        else
        {
            int copy = inv.State.Fds.LowestFree();
            inv.State.Fds.Set(copy, stdin);
            restore.AddRange(["fdmove", "0", copy.ToString()]);
        }

        var pipe = Registry.Find("pipeline")!;
        pipe.Run(new Invocation(pipe, pipeline, inv.State));
        inv.Env.Unset("!");

        var forstdin = new List<string> { "forstdin", import ? "-E" : "-e" };
        if (parallel) forstdin.Add("-p");
        forstdin.Add(chomp ? "-n" : "-N");
        if (crunch) forstdin.Add("-C");
        if (delims == null) forstdin.Add("-0");
        else if (delims != "\n") forstdin.AddRange(["-d", delims]);
        if (codes != null) forstdin.AddRange([codesOption!, codes]);
        forstdin.AddRange(["--", var, .. restore, .. inv.Rest(i)]);
        return Outcome.Exec(forstdin);
    }
}
