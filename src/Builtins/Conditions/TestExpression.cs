namespace Execline.Builtins.Conditions;

/// A parsed eltest expression. Evaluation short-circuits, left operand first, so an operand that
/// would be an error (a non-integer for -eq, a bad regex) is only reported when it is reached.
abstract class TestExpression
{
    public abstract bool Evaluate(TestPrimaries primaries);
}

sealed class NotTest(TestExpression inner) : TestExpression
{
    public override bool Evaluate(TestPrimaries p) => !inner.Evaluate(p);
}

sealed class AndTest(TestExpression left, TestExpression right) : TestExpression
{
    public override bool Evaluate(TestPrimaries p) => left.Evaluate(p) && right.Evaluate(p);
}

sealed class OrTest(TestExpression left, TestExpression right) : TestExpression
{
    public override bool Evaluate(TestPrimaries p) => left.Evaluate(p) || right.Evaluate(p);
}

/// A lone operand: true when it is not empty.
sealed class NonEmptyTest(string operand) : TestExpression
{
    public override bool Evaluate(TestPrimaries p) => operand.Length > 0;
}

sealed class UnaryTest(string op, string operand) : TestExpression
{
    public override bool Evaluate(TestPrimaries p) => p.Unary(op, operand);
}

sealed class BinaryTest(string left, string op, string right) : TestExpression
{
    public override bool Evaluate(TestPrimaries p) => p.Binary(op, left, right);
}
