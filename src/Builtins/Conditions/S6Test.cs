using Execline.Runtime;

namespace Execline.Builtins.Conditions;

/// s6-test expression... — eltest's grammar and tests under the older name. Silent about its deprecation
/// (2.2.5's warning): s6-overlay v2 shipped an s6-test without it and its scripts call s6-test at every
/// step, so an image's output stays as it was. -r, -w and -x read the mode bits rather than ask access(2), so root is not always allowed.
/// Exit 0 when true, 1 when false (or no expression), 100 when malformed.
public sealed class S6Test : Builtin
{
    public override string Usage => "s6-test expression...  or  [ expression... ]";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) return Outcome.Exit(1);
        var expression = TestParser.Parse(inv, inv.Rest(1));
        return Outcome.Exit(expression.Evaluate(new TestPrimaries(inv, accessByMode: true)) ? 0 : 1);
    }
}
