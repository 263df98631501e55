using Execline.Runtime;

namespace Execline.Builtins.Conditions;

/// eltest expression... — test(1) without the shell's guesswork: every operator word is an operator,
/// never an operand. Exit 0 when the expression is true, 1 when false (or empty), 100 when malformed.
public sealed class Eltest : Builtin
{
    public override string Usage => "eltest expression...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) return Outcome.Exit(1);
        var expression = TestParser.Parse(inv, inv.Rest(1));
        return Outcome.Exit(expression.Evaluate(new TestPrimaries(inv)) ? 0 : 1);
    }
}
