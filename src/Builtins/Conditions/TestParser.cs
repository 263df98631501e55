using Execline.Runtime;

namespace Execline.Builtins.Conditions;

/// Recursive descent over eltest's arguments:
///   group       = disjunction ")"        (the whole line is a group closed by an implicit ")")
///   disjunction = conjunction { "-o" conjunction }
///   conjunction = negation { "-a" negation }
///   negation    = "!" negation | "(" group | unary WORD | WORD binary WORD | WORD
/// Errors name the 0-based index of the argument where upstream's shift-reduce parser stops, which is
/// why some checks look at the argument after the one at fault.
sealed class TestParser
{
    /// What a group was opened by, which decides what may follow its ")".
    enum Opener { Line, Parenthesis, Unfinished }

    readonly Invocation _inv;
    readonly List<TestToken> _tokens;
    int _pos;

    TestParser(Invocation inv, IEnumerable<string> words)
    {
        _inv = inv;
        _tokens = words.Select(TestToken.Of).ToList();
        _tokens.Add(new TestToken(TokenKind.RightParen, ")"));
        _tokens.Add(new TestToken(TokenKind.End, ""));
    }

    public static TestExpression Parse(Invocation inv, IEnumerable<string> words) =>
        new TestParser(inv, words).Group(Opener.Line);

    TestToken Next => _tokens[_pos];

    Fatal ErrorHere() => _inv.Die(100, $"parse error at argument {_pos}");

    TestExpression Group(Opener opener, TestExpression? first = null)
    {
        var e = Conjunction(first);
        while (Next.Kind == TokenKind.Or)
        {
            _pos++;
            e = new OrTest(e, Conjunction());
        }
        _pos++; // a ")": nothing else can end a conjunction
        switch (Next.Kind)
        {
            case TokenKind.End:
                if (opener != Opener.Line) throw _inv.Die(100, "parse error: too many left parentheses");
                return e;
            case TokenKind.RightParen or TokenKind.And or TokenKind.Or:
                if (opener != Opener.Parenthesis)
                    throw _inv.Die(100, $"parse error: bad right parenthesis at argument {_pos}");
                return e;
            default:
                throw ErrorHere();
        }
    }

    TestExpression Conjunction(TestExpression? first = null)
    {
        var e = first ?? Negation();
        while (Next.Kind == TokenKind.And)
        {
            _pos++;
            e = new AndTest(e, Negation());
        }
        return e;
    }

    TestExpression Negation()
    {
        var t = Next;
        switch (t.Kind)
        {
            case TokenKind.Not:
                _pos++;
                return new NotTest(Negation());
            case TokenKind.LeftParen:
                _pos++;
                return Group(Opener.Parenthesis);
            case TokenKind.Unary:
            {
                _pos++;
                var operand = Operand();
                return Complete(new UnaryTest(t.Text, operand), operand);
            }
            case TokenKind.Word:
            {
                _pos++;
                if (Next.Kind != TokenKind.Binary) return Complete(new NonEmptyTest(t.Text), t.Text);
                var op = Next.Text;
                _pos++;
                var right = Operand();
                return Complete(new BinaryTest(t.Text, op, right), right);
            }
            default:
                throw ErrorHere();
        }
    }

    string Operand()
    {
        if (Next.Kind != TokenKind.Word) throw ErrorHere();
        return _tokens[_pos++].Text;
    }

    /// After a test's last operand only ")", "-a" or "-o" may come.
    TestExpression Complete(TestExpression test, string lastOperand)
    {
        switch (Next.Kind)
        {
            case TokenKind.RightParen or TokenKind.And or TokenKind.Or:
                return test;
            case TokenKind.Binary:
            {
                // Upstream takes that last operand as the left side of a new comparison ("-n a = b",
                // "a = b = c") and leaves the finished test pending like an unclosed "(": it can never be
                // reduced, so the line ends in a parenthesis error once the rest has been read.
                var op = Next.Text;
                _pos++;
                var right = Operand();
                Group(Opener.Unfinished, Complete(new BinaryTest(lastOperand, op, right), right));
                throw new InvalidOperationException("an unfinished group cannot close");
            }
            default:
                throw ErrorHere();
        }
    }
}
