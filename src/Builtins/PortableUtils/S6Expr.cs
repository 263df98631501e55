using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-expr arithmetic expression — evaluate integer words joined by + - * / % = != < <= > >= & | and
/// parentheses (each its own word; usual precedence, left to right), print the value, exit 1 when it is
/// 0 and 0 otherwise. No expression: exit 2; a malformed one: "invalid expression", exit 2. As in
/// expr(1), a | b is a unless it is 0, a & b is a unless either is 0.
public sealed class S6Expr : Builtin
{
    public override string Usage => "s6-expr arithmetic expression";

    static readonly string[][] Levels =
    [
        ["|"], ["&"], ["=", "!=", "<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"],
    ];

    static readonly HashSet<string> Operators = [.. Levels.SelectMany(l => l), "(", ")"];

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) return Outcome.Exit(2);
        var words = inv.Rest(1);
        // every number is checked before anything is parsed, as upstream's lexer does
        foreach (var w in words)
            if (!Operators.Contains(w) && !TryLong(w, out _)) throw Invalid(inv);
        int pos = 0;
        long value = Level(inv, words, ref pos, 0);
        if (pos != words.Count) throw Invalid(inv);
        Output.Write(inv, value + "\n");
        return Outcome.Exit(value == 0 ? 1 : 0);
    }

    static Fatal Invalid(Invocation inv) => inv.Die(2, "invalid expression");

    static long Level(Invocation inv, Words words, ref int pos, int level)
    {
        if (level == Levels.Length) return Primary(inv, words, ref pos);
        long left = Level(inv, words, ref pos, level + 1);
        while (pos < words.Count && Levels[level].Contains(words[pos]))
        {
            var op = words[pos++];
            long right = Level(inv, words, ref pos, level + 1);
            left = Apply(inv, op, left, right);
        }
        return left;
    }

    static long Primary(Invocation inv, Words words, ref int pos)
    {
        if (pos >= words.Count) throw Invalid(inv);
        var w = words[pos++];
        if (w == "(")
        {
            long v = Level(inv, words, ref pos, 0);
            if (pos >= words.Count || words[pos++] != ")") throw Invalid(inv);
            return v;
        }
        if (Operators.Contains(w) || !TryLong(w, out long n)) throw Invalid(inv);
        return n;
    }

    static long Apply(Invocation inv, string op, long a, long b) => op switch
    {
        "|" => a != 0 ? a : b,
        "&" => a != 0 && b != 0 ? a : 0,
        "=" => a == b ? 1 : 0,
        "!=" => a != b ? 1 : 0,
        "<" => a < b ? 1 : 0,
        "<=" => a <= b ? 1 : 0,
        ">" => a > b ? 1 : 0,
        ">=" => a >= b ? 1 : 0,
        "+" => unchecked(a + b),
        "-" => unchecked(a - b),
        "*" => unchecked(a * b),
        // upstream dies of SIGFPE here
        "/" => b == 0 ? throw inv.Die(2, "division by zero") : b == -1 ? unchecked(-a) : a / b,
        "%" => b == 0 ? throw inv.Die(2, "division by zero") : b == -1 ? 0 : a % b,
        _ => throw Invalid(inv),
    };

    /// skalibs' long_scan: an optional sign and at least one digit; what follows is ignored.
    static bool TryLong(string s, out long value)
    {
        value = 0;
        int i = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
        bool negative = i == 1 && s[0] == '-';
        int start = i;
        ulong limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue, magnitude = 0;
        for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
        {
            ulong next = magnitude * 10 + (ulong)(s[i] - '0');
            if (next > limit || next / 10 != magnitude) break;
            magnitude = next;
        }
        if (i == start) return false;
        value = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return true;
    }
}
