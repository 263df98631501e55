using Sprache;

namespace Execline.Parsing;

/// execlineb's lexer as parser combinators over the script's bytes (one char per byte). Whitespace is any
/// byte from 0x01 to 0x20; a word is glued from plain bytes, backslash-escaped bytes and quoted strings.
/// Alternatives that have consumed input commit (XOr, XMany), so an error is reported where it happens.
static class ScriptSyntax
{
    public static bool IsSpace(char c) => c >= '\x01' && c <= ' ';

    static Parser<char> Char(Predicate<char> p, string what) => Parse.Char(p, what);

    static Parser<T> Fail<T>(string what, string expected) => i => Result.Failure<T>(i, what, new[] { expected });

    static readonly Parser<string> Space = Char(IsSpace, "whitespace").AtLeastOnce().Return("");

    static readonly Parser<string> Comment =
        from hash in Parse.Char('#')
        from body in Parse.CharExcept('\n').Many()
        select "";

    /// Between words, "\" then newline continues the line and a "\" at the very end is ignored.
    static readonly Parser<string> IgnoredBackslash =
        Parse.Char('\\').Then(_ => Parse.Char('\n').Return("").Or(Parse.Return("").End()));

    static readonly Parser<string> Skip = Space.Or(Comment).Or(IgnoredBackslash).Many().Return("");

    static bool IsOctal(char c) => c >= '0' && c <= '7';
    static bool IsDecimal(char c) => c >= '0' && c <= '9';
    static bool IsHex(char c) => IsDecimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    /// Up to max digits of the radix, read greedily; the byte must be 1 to 255.
    static Parser<string> Number(Predicate<char> digit, int max, int radix, string leader) => i =>
    {
        var r = Char(digit, "digit").Repeat(1, max)(i);
        if (!r.WasSuccessful)
            return Result.Failure<string>(i, $"\"{leader}\" must be followed by a digit", new[] { "a digit" });
        int v = Convert.ToInt32(new string(r.Value.ToArray()), radix);
        if (v == 0 || v > 255)
            return Result.Failure<string>(i, $"escape \"{leader}{new string(r.Value.ToArray())}\" is not a byte from 1 to 255", new[] { "a byte value" });
        return Result.Success(((char)v).ToString(), r.Remainder);
    };

    static string Control(char c) => c switch
    {
        'a' => "\a", 'b' => "\b", 't' => "\t", 'n' => "\n", 'v' => "\v", 'f' => "\f", 'r' => "\r",
        _ => c.ToString(),
    };

    /// One escape in a quoted string; Numeric tells whether it was a number (a quote may then stay open at the end).
    static readonly Parser<(string Text, bool Numeric)> QuotedEscape =
        Parse.Char('\\').Then(_ =>
            Parse.Char('\n').Return(("", false))
            .XOr(Parse.Char('0').Then(_ => Parse.Char('x').Then(_ => Number(IsHex, 2, 16, "\\0x")).XOr(Number(IsOctal, 3, 8, "\\0")))
                .Select(s => (s, true)))
            .XOr(Parse.Char(c => c >= '1' && c <= '9', "digit").Preview().Then(d => d.IsDefined
                ? Number(IsDecimal, 3, 10, "\\").Select(s => (s, true))
                : Parse.AnyChar.Select(c => (Control(c), false))))
            .XOr(Fail<(string, bool)>("backslash at the end of the script", "a character after \\")));

    static readonly Parser<(string Text, bool Numeric)> QuotedPlain =
        Parse.CharExcept("\"\\").AtLeastOnce().Text().Select(s => (s, false));

    /// A quoted string; an error inside it is reported at the opening quote.
    static readonly Parser<string> Quoted = i0 =>
    {
        var body =
            from open in Parse.Char('"')
            from parts in QuotedPlain.XOr(QuotedEscape).XMany()
            from close in Parse.Char('"').Return("")
                .XOr(i => parts.Any() && parts.Last().Numeric && i.AtEnd
                    ? Result.Success("", i)
                    : Result.Failure<string>(i, "unterminated quoted string", new[] { "a closing \"" }))
            select string.Concat(parts.Select(p => p.Text));
        var r = body(i0);
        if (r.WasSuccessful || r.Remainder.Equals(i0)) return r;
        var why = r.Message == "unterminated quoted string" ? "quoted string never closed" : r.Message;
        return Result.Failure<string>(r.Remainder, why, r.Expectations);
    };

    /// Inside a word a backslash takes the next byte literally, newline included.
    static readonly Parser<string> WordEscape =
        Parse.Char('\\').Then(_ => Parse.AnyChar.Select(c => c.ToString())
            .XOr(Fail<string>("backslash at the end of the script", "a character after \\")));

    static readonly Parser<string> Plain =
        Char(c => !IsSpace(c) && c != '"' && c != '\\', "word byte").AtLeastOnce().Text();

    static readonly Parser<string> Tail = Plain.XOr(Quoted).XOr(WordEscape).XMany().Select(string.Concat);

    static Parser<Token> WordFrom(string head) => Tail.Select(t => new Token(TokenKind.Word, head + t));

    /// "{" or "}" followed by whitespace (or "}" by the end) delimits a block; otherwise it starts a word.
    static Parser<Token> Brace(char brace, TokenKind kind) => i0 =>
    {
        var b = Parse.Char(brace)(i0);
        if (!b.WasSuccessful) return Result.Failure<Token>(i0, $"{brace}", new[] { brace.ToString() });
        var i = b.Remainder;
        if (i.AtEnd)
            return brace == '{'
                ? Result.Failure<Token>(i, "\"{\" at the end of the script", new[] { "a block after {" })
                : Result.Success(new Token(kind), i);
        if (IsSpace(i.Current)) return Result.Success(new Token(kind), i);
        if (i.Current != '\\') return WordFrom(brace.ToString())(i);
        // upstream's quirk: "{\" keeps the brace pending; at the end it is dropped, a newline joins it to the next word
        var j = i.Advance();
        if (j.AtEnd) return Result.Success<Token>(null!, j);
        if (j.Current == '\n') return Skip.Then(_ => WordFrom(brace.ToString()))(j.Advance());
        return WordFrom(brace.ToString() + j.Current)(j.Advance());
    };

    static readonly Parser<Token> Word =
        from first in Quoted
            .XOr(Parse.Char('\\').Then(_ => Parse.AnyChar.Select(c => c.ToString())))
            .XOr(Char(c => !IsSpace(c) && c != '#' && c != '"' && c != '\\', "a word").Once().Text())
        from rest in Tail
        select new Token(TokenKind.Word, first + rest);

    static readonly Parser<Token> OneToken =
        Brace('{', TokenKind.Open).XOr(Brace('}', TokenKind.Close)).XOr(Word).Positioned();

    public static readonly Parser<List<Token>> Script =
        from lead in Skip
        from tokens in OneToken.Then(t => Skip.Return(t)).XMany()
        from end in Parse.Return("").End()
        select tokens.Where(t => t != null).ToList();
}
