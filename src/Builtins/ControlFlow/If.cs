using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// if [ -n ] [ -X ] [ -t | -x exitcode ] { command... } remainder... — run the block; go on with the
/// remainder only when it succeeded (failed, with -n), else exit with its status (or the fixed code).
public sealed class If : Builtin
{
    public override string Usage => "if [ -n ] [ -X ] [ -t | -x exitcode ] { command... }";

    public override Outcome Run(Invocation inv)
    {
        bool not = false, fixedCode = false, normalCrash = false;
        int code = 1;
        var g = new Getopt(inv.Argv, "nXtx:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': not = true; fixedCode = true; break;
                case 'X': normalCrash = true; break;
                case 't': code = 0; fixedCode = true; break;
                case 'x':
                    if (!ScanUShortPrefix(arg!, out code)) throw inv.Usage();
                    fixedCode = true;
                    break;
                default: throw inv.Usage();
            }
        }
        if (code > 255) throw inv.Die(100, "invalid exit code");
        int next = g.Index;
        var block = Block.ReadTerminated(inv, inv.Argv, ref next);
        int status = Condition.Run(inv, block, normalCrash);
        if ((status == 0) == not) return Outcome.Exit(fixedCode ? code : status);
        return Outcome.Exec(inv.Rest(next));
    }

    /// skalibs' ushort_scan: the leading digits, stopping before a digit that would overflow 16 bits.
    static bool ScanUShortPrefix(string s, out int value)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            int next = value * 10 + (s[i] - '0');
            if (next > 0xffff) break;
            value = next;
            i++;
        }
        return i > 0;
    }
}
