using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-seq [ -w ] [ -s separator ] [ first [ increment ] ] last — the unsigned numbers from first (1) to
/// last by increment (1), each followed by the separator (a newline; an empty one is a NUL). -w pads them
/// with zeros to the width of the last one printed.
public sealed class S6Seq : Builtin
{
    public override string Usage => "s6-seq [ -w ] [ -s separator ] limits";

    public override Outcome Run(Invocation inv)
    {
        bool pad = false;
        string separator = "\n";
        var g = new Getopt(inv.Argv, "ws:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'w': pad = true; break;
                case 's': separator = arg!.Length > 0 ? arg : "\0"; break;
                default: throw inv.Usage();
            }
        }
        var limits = inv.Rest(g.Index);
        if (limits.Count is < 1 or > 3) throw inv.Usage();
        var values = new uint[limits.Count];
        for (int k = 0; k < limits.Count; k++)
            if (!Numbers.TryUnsigned(limits[k], out var v) || v > uint.MaxValue) throw inv.Usage();
            else values[k] = (uint)v;
        uint first = limits.Count > 1 ? values[0] : 1;
        uint increment = limits.Count == 3 ? values[1] : 1;
        uint last = values[^1];
        int width = 0;
        if (pad && increment > 0 && first <= last)
            width = (first + increment * ((last - first) / increment)).ToString().Length;
        var output = new Output(inv);
        // 64-bit counter: the loop ends even when last is the largest 32-bit number
        for (ulong i = first; i <= last; i += increment)
        {
            output.Put(i.ToString().PadLeft(width, '0'));
            output.Put(separator);
        }
        output.Flush();
        return Outcome.Exit(0);
    }
}
