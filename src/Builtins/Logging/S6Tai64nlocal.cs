using Execline.Runtime;
using Execline.S6;
using Execline.Text;

namespace Execline.Builtins.Logging;

/// s6-tai64nlocal [ -g ] — replace a TAI64N label starting a line with the date and time it stands for,
/// in local time (-g: UTC), leap seconds taken out. Other lines pass unchanged.
public sealed class S6Tai64nlocal : Builtin
{
    public override string Usage => "s6-tai64nlocal [ -g ]";

    public override Outcome Run(Invocation inv)
    {
        bool local = true;
        var g = new Getopt(inv.Argv, "g");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            local = false;
        }
        return LineFilter.Run(inv, line => Convert(line, local));
    }

    /// Only a line longer than a label (its newline counts) is looked at, and only a time from 1970 on is
    /// converted, as upstream does.
    static byte[] Convert(List<byte> line, bool local)
    {
        const int LabelLength = 25;
        if (line.Count > LabelLength)
        {
            var head = Bytes.Latin1(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)[..LabelLength]);
            if (Tai64n.TryParseLabel(head, out var stamp) && stamp.UnixSeconds >= 0 && WallClock.Format(stamp, local) is string date)
            {
                var result = new byte[date.Length + line.Count - LabelLength];
                for (int i = 0; i < date.Length; i++) result[i] = (byte)date[i];
                line.CopyTo(LabelLength, result, date.Length, line.Count - LabelLength);
                return result;
            }
        }
        return line.ToArray();
    }
}
