using Execline.Runtime;

namespace Execline.Builtins.Logging;

/// s6-tai64n — prefix each line with its arrival time as a TAI64N label and a space; a last line without
/// a newline gets one. Arguments are ignored, as upstream's are.
public sealed class S6Tai64n : Builtin
{
    public override string Usage => "s6-tai64n";

    public override Outcome Run(Invocation inv) => LineFilter.Run(inv, line =>
    {
        var label = WallClock.Now().Label();
        var result = new byte[label.Length + 1 + line.Count + (line[^1] == '\n' ? 0 : 1)];
        for (int i = 0; i < label.Length; i++) result[i] = (byte)label[i];
        result[label.Length] = (byte)' ';
        line.CopyTo(result, label.Length + 1);
        result[^1] = (byte)'\n';
        return result;
    });
}
