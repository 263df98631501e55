using Sprache;

namespace Execline.Parsing;

/// execlineb's lexer as parser combinators over the script's bytes (one char per byte). Whitespace is any
/// byte from 0x01 to 0x20; a word is glued from plain bytes, backslash-escaped bytes and quoted strings.
/// Where the grammar has alternatives, the byte at hand chooses one, and a failure inside it is the
/// script's: an error is reported where it happens, and nothing is tried only to fail.
/// Every parser yields a reference type, so the generic combinator code over them is shared: one copy
/// of each in the executable, and fewer pages for a script's start to touch.
static class ScriptSyntax
{
    public static bool IsSpace(char c) => c >= '\x01' && c <= ' ';

    /// From min to max bytes satisfying p, as one string. Failure texts are built once, with the parser,
    /// not at every failure.
    static Parser<string> Chars(Predicate<char> p, int min, int max, string what)
    {
        var expected = "expected " + what;
        var expectations = new[] { what };
        return i => Chars(p, min, max, expected, expectations, i);
    }

    static IResult<string> Chars(Predicate<char> p, int min, int max, string expected, string[] expectations, IInput i)
    {
        var source = i.Source;
        int start = i.Position, end = start;
        while (end - start < max && end < source.Length && p(source[end])) end++;
        if (end - start < min) return Result.Failure<string>(i, expected, expectations);
        return Result.Success(source.Substring(start, end - start), ((ScriptInput)i).Skip(end - start));
    }

    static Parser<string> Ch(char c) => Chars(x => x == c, 1, 1, "'" + c.ToString() + "'");

    static Parser<T> Fail<T>(string what, string expected) => i => Result.Failure<T>(i, what, new[] { expected });

    static readonly Parser<string> AtEnd = i => i.AtEnd ? Result.Success("", i) : Result.Failure<string>(i, "expected the end", new[] { "end" });

    static readonly Parser<string> Space = Chars(IsSpace, 1, int.MaxValue, "whitespace");

    static readonly Parser<string> Comment = Ch('#').Then(_ => Chars(c => c != '\n', 0, int.MaxValue, "comment"));

    /// Between words, "\" then newline continues the line and a "\" at the very end is ignored.
    static readonly Parser<string> IgnoredBackslash = Ch('\\').Then(_ => Ch('\n').Or(AtEnd));

    /// Whitespace, comments and ignored backslashes, as many as there are. Each alternative is chosen by
    /// the byte it starts with, so a script is read without trying (and failing) the others.
    static readonly Parser<string> Skip = i =>
    {
        while (!i.AtEnd)
        {
            char c = i.Current;
            IResult<string> r;
            if (IsSpace(c)) r = Space(i);
            else if (c == '#') r = Comment(i);
            else if (c == '\\') r = IgnoredBackslash(i);
            else break;
            if (!r.WasSuccessful) break;
            i = r.Remainder;
        }
        return Result.Success("", i);
    };

    static bool IsOctal(char c) => c >= '0' && c <= '7';
    static bool IsDecimal(char c) => c >= '0' && c <= '9';
    static bool IsHex(char c) => IsDecimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    /// Up to max digits of the radix, read greedily; the byte must be 1 to 255.
    static Parser<string> Number(Predicate<char> digit, int max, int radix, string leader) => i =>
    {
        var r = Chars(digit, 1, max, "a digit")(i);
        if (!r.WasSuccessful)
            return Result.Failure<string>(i, $"\"{leader}\" must be followed by a digit", new[] { "a digit" });
        int v = Convert.ToInt32(r.Value, radix);
        if (v == 0 || v > 255)
            return Result.Failure<string>(i, $"escape \"{leader}{r.Value}\" is not a byte from 1 to 255", new[] { "a byte value" });
        return Result.Success(((char)v).ToString(), r.Remainder);
    };

    static string Escaped(char c) => c switch
    {
        'a' => "\a", 'b' => "\b", 't' => "\t", 'n' => "\n", 'v' => "\v", 'f' => "\f", 'r' => "\r",
        _ => c.ToString(),
    };

    /// After "\" in a quoted string: a newline continues the line, "\0" starts an octal or (with x) hex byte,
    /// "\1" to "\9" a decimal one, a letter of "abtnvfr" a control byte, anything else stands for itself.
    static readonly Parser<string> QuotedEscape = i0 =>
    {
        var i = i0.Advance();
        if (i.AtEnd) return Result.Failure<string>(i, "backslash at the end of the script", new[] { "a byte after \\" });
        char c = i.Current;
        var next = i.Advance();
        Parser<string>? number = c switch
        {
            '0' when !next.AtEnd && next.Current == 'x' => p => Number(IsHex, 2, 16, "\\0x")(p.Advance()),
            '0' => Number(IsOctal, 3, 8, "\\0"),
            >= '1' and <= '9' => Number(IsDecimal, 3, 10, "\\"),
            _ => null,
        };
        if (number == null) return Result.Success(c == '\n' ? "" : Escaped(c), next);
        return number(c == '0' ? next : i);
    };

    static readonly Parser<string> QuotedPlain = Chars(c => c != '"' && c != '\\', 1, int.MaxValue, "quoted text");

    static bool IsNumericEscape(IInput backslash)
    {
        var next = backslash.Advance();
        return !next.AtEnd && IsDecimal(next.Current);
    }

    /// A quoted string; an unterminated one is reported at its opening quote, except right after a
    /// numeric escape, which may leave the quote open at the end of the script.
    static readonly Parser<string> Quoted = i0 =>
    {
        var open = Ch('"')(i0);
        if (!open.WasSuccessful) return open;
        var text = new System.Text.StringBuilder();
        var i = open.Remainder;
        bool numeric = false;
        while (!i.AtEnd && i.Current != '"')
        {
            bool escape = i.Current == '\\';
            var piece = escape ? QuotedEscape(i) : QuotedPlain(i);
            if (!piece.WasSuccessful) return piece;
            numeric = escape && IsNumericEscape(i);
            text.Append(piece.Value);
            i = piece.Remainder;
        }
        if (!i.AtEnd) return Result.Success(text.ToString(), i.Advance());
        if (numeric) return Result.Success(text.ToString(), i);
        return Result.Failure<string>(i, $"the quoted string opened at line {i0.Line}, column {i0.Column} is never closed", new[] { "a closing \"" });
    };

    /// Inside a word a backslash takes the next byte literally, newline included.
    static readonly Parser<string> WordEscape =
        Ch('\\').Then(_ => Chars(_ => true, 1, 1, "a byte after the backslash")
            .XOr(Fail<string>("backslash at the end of the script", "a byte after \\")));

    static readonly Parser<string> Plain = Chars(c => !IsSpace(c) && c != '"' && c != '\\', 1, int.MaxValue, "a word");

    /// The rest of a word, up to whitespace or the end: plain runs, quoted strings and escapes, glued.
    static readonly Parser<string> Tail = i =>
    {
        var text = new System.Text.StringBuilder();
        while (!i.AtEnd && !IsSpace(i.Current))
        {
            var piece = i.Current switch { '"' => Quoted(i), '\\' => WordEscape(i), _ => Plain(i) };
            if (!piece.WasSuccessful) return piece;
            text.Append(piece.Value);
            i = piece.Remainder;
        }
        return Result.Success(text.ToString(), i);
    };

    static Parser<Token> WordFrom(string head) => Tail.Select(t => new Token(TokenKind.Word, head + t));

    /// "{" or "}" followed by whitespace (or "}" by the end) delimits a block; otherwise it starts a word.
    static Parser<Token> Brace(char brace, TokenKind kind)
    {
        var expected = "expected " + brace.ToString();
        var expectations = new[] { brace.ToString() };
        return i0 => Brace(brace, kind, expected, expectations, i0);
    }

    static IResult<Token> Brace(char brace, TokenKind kind, string expected, string[] expectations, IInput i0)
    {
        if (i0.AtEnd || i0.Current != brace) return Result.Failure<Token>(i0, expected, expectations);
        var i = i0.Advance();
        if (i.AtEnd)
            return brace == '{'
                ? Result.Failure<Token>(i, "\"{\" at the end of the script", new[] { "a block after {" })
                : Result.Success(new Token(kind), i);
        if (IsSpace(i.Current)) return Result.Success(new Token(kind), i);
        if (i.Current != '\\') return WordFrom(brace.ToString())(i);
        // upstream's quirk: "{\" keeps the brace pending; at the end it is dropped, a newline joins it to the next word
        var j = i.Advance();
        if (j.AtEnd) return Result.Success(new Token(TokenKind.Nothing), j);
        if (j.Current == '\n') return Skip.Then(_ => WordFrom(brace.ToString()))(j.Advance());
        return WordFrom(brace.ToString() + j.Current)(j.Advance());
    }

    static readonly Parser<string> EscapedHead = Ch('\\').Then(_ => Chars(_ => true, 1, 1, "a byte after the backslash"));

    static readonly Parser<string> PlainHead = Chars(c => !IsSpace(c) && c != '#' && c != '"' && c != '\\', 1, 1, "a word");

    static readonly Parser<string> WordHead = i => i.AtEnd ? PlainHead(i) : i.Current switch
    {
        '"' => Quoted(i),
        '\\' => EscapedHead(i),
        _ => PlainHead(i),
    };

    static readonly Parser<Token> Word = WordHead.Then(head => WordFrom(head));

    static readonly Parser<Token> OpenBrace = Brace('{', TokenKind.Open), CloseBrace = Brace('}', TokenKind.Close);

    static readonly Parser<Token> OneToken = new Parser<Token>(i => i.Current switch
    {
        '{' => OpenBrace(i),
        '}' => CloseBrace(i),
        _ => Word(i),
    }).Positioned();

    /// Tokens separated by whitespace and comments, to the end of the script; the first token that
    /// fails after consuming input fails the script there.
    public static readonly Parser<List<Token>> Script = i =>
    {
        var tokens = new List<Token>();
        while (true)
        {
            i = Skip(i).Remainder;
            if (i.AtEnd) return Result.Success(tokens, i);
            var t = OneToken(i);
            if (!t.WasSuccessful) return Result.Failure<List<Token>>(t.Remainder, t.Message, t.Expectations);
            if (t.Value.Kind != TokenKind.Nothing) tokens.Add(t.Value);
            i = t.Remainder;
        }
    };
}
