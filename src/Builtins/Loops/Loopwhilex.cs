using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// loopwhilex [ -n ] [ -o okcode,okcode,... | -x exitcode,exitcode,... ] prog...
/// Runs prog (a command line, not a block) again and again while its code is ok (0 unless -o says
/// otherwise; -x names the codes that stop it; -n turns the test around). Exits with the last code.
public sealed class Loopwhilex : Builtin
{
    public override string Usage => "loopwhilex [ -n ] [ -o okcode,okcode,... | -x exitcode,exitcode,... ] prog...";

    public override Outcome Run(Invocation inv)
    {
        bool invert = false, stopCodes = false;
        List<int>? codes = null;
        var g = new Getopt(inv.Argv, "no:x:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': invert = true; break;
                case 'o' or 'x':
                    stopCodes = c == 'x';
                    if (!Numbers.TryCodeList(arg!, out codes)) throw inv.Usage();
                    break;
                default: throw inv.Usage();
            }
        }
        var prog = inv.Rest(g.Index);
        if (prog.Count == 0) throw inv.Usage();
        if (codes == null) codes = [0];
        else if (stopCodes) invert = !invert;

        while (true)
        {
            int code = inv.RunBlockOrDie(prog, role: "loop body").EStatus;
            if (invert == codes.Contains((ushort)code)) return Outcome.Exit(code);
        }
    }
}
