using System.Buffers;

namespace Execline.Parsing;

public enum TokenKind { Word, Open, Close }

/// execlineb's lexer over the script's bytes. Whitespace is any byte from 0x01 to 0x20; a word is glued
/// from plain bytes, backslash-escaped bytes and quoted strings; "{" and "}" followed by whitespace (or
/// "}" by the end) delimit blocks. A word's bytes are written back into the script's own buffer, over
/// text already read (a word is never longer than its source), so the words of a script take no more
/// memory than the script itself, and nothing is allocated per word.
sealed class ScriptLexer
{
    static readonly SearchValues<byte> PlainEnd = SearchValues.Create(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
         30, 31, 32, (byte)'"', (byte)'\\']);

    readonly byte[] _s;
    readonly int _end;
    readonly string _source;
    /// Where reading stands, and where the next byte of a word goes (never past where reading stands).
    int _r, _w;
    int _line = 1, _lineStart;

    public ScriptLexer(byte[] script, int length, string source)
    {
        _s = script;
        _end = length;
        _source = source;
    }

    /// Where the last token starts in the script.
    public int Line { get; private set; }
    public int Column { get; private set; }
    /// The last word is the bytes [WordStart, Written) of the buffer, after LeadingSpaces spaces that are
    /// not written (the word store keeps them as a count).
    public int WordStart { get; private set; }
    public int LeadingSpaces { get; private set; }
    public int Written => _w;

    static bool IsSpace(byte c) => c >= 1 && c <= ' ';
    static bool IsOctal(byte c) => c >= '0' && c <= '7';
    static bool IsDecimal(byte c) => c >= '0' && c <= '9';
    static bool IsHex(byte c) => IsDecimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    /// The next token, or null at the end of the script.
    public TokenKind? Next()
    {
        while (true)
        {
            SkipBetweenWords();
            if (_r == _end) return null;
            Line = _line;
            Column = _r - _lineStart + 1;
            WordStart = _w;
            byte c = _s[_r];
            var kind = c == '{' || c == '}' ? Brace(c) : Word(c);
            // upstream's quirk: "{\" at the very end is dropped
            if (kind == null) continue;
            if (kind == TokenKind.Word) StripLeadingSpaces();
            return kind;
        }
    }

    /// Whitespace, comments and ignored backslashes: between words, "\" then newline continues the line
    /// and a "\" at the very end is ignored.
    void SkipBetweenWords()
    {
        while (_r < _end)
        {
            byte c = _s[_r];
            if (IsSpace(c))
            {
                int run = _s.AsSpan(_r, _end - _r).IndexOfAnyExceptInRange((byte)1, (byte)' ');
                MoveTo(run < 0 ? _end : _r + run);
            }
            else if (c == '#')
            {
                int eol = _s.AsSpan(_r, _end - _r).IndexOf((byte)'\n');
                _r = eol < 0 ? _end : _r + eol;
            }
            else if (c == '\\' && (_r + 1 == _end || _s[_r + 1] == '\n')) MoveTo(Math.Min(_r + 2, _end));
            else return;
        }
    }

    /// A brace followed by whitespace (or "}" by the end) delimits a block; otherwise it starts a word.
    TokenKind? Brace(byte brace)
    {
        _r++;
        if (_r == _end)
        {
            if (brace == '{') throw Error("\"{\" at the end of the script");
            return TokenKind.Close;
        }
        byte next = _s[_r];
        if (IsSpace(next)) return brace == '{' ? TokenKind.Open : TokenKind.Close;
        if (next != '\\')
        {
            Put(brace);
            Tail();
            return TokenKind.Word;
        }
        // upstream's quirk: "{\" keeps the brace pending; at the end it is dropped, a newline joins it to
        // the next word
        _r++;
        if (_r == _end) return null;
        if (_s[_r] == '\n')
        {
            MoveTo(_r + 1);
            SkipBetweenWords();
            Put(brace);
        }
        else
        {
            Put(brace);
            Put(_s[_r++]);
        }
        Tail();
        return TokenKind.Word;
    }

    TokenKind Word(byte c)
    {
        if (c == '"') Quoted();
        else if (c == '\\')
        {
            // never "\" then newline or the end here: those were skipped between words
            Put(_s[_r + 1]);
            _r += 2;
        }
        else
        {
            Put(c);
            _r++;
        }
        Tail();
        return TokenKind.Word;
    }

    /// The rest of a word, up to whitespace or the end: plain runs, quoted strings and escapes, glued.
    /// Inside a word a backslash takes the next byte literally, newline included.
    void Tail()
    {
        while (_r < _end)
        {
            byte c = _s[_r];
            if (IsSpace(c)) return;
            if (c == '"') Quoted();
            else if (c == '\\')
            {
                _r++;
                if (_r == _end) throw Error("expected a byte after the backslash");
                Put(_s[_r]);
                MoveTo(_r + 1);
            }
            else
            {
                int run = _s.AsSpan(_r, _end - _r).IndexOfAny(PlainEnd);
                PutRun(run < 0 ? _end : _r + run);
            }
        }
    }

    /// A quoted string; an unterminated one is reported at its opening quote, except right after a
    /// numeric escape, which may leave the quote open at the end of the script.
    void Quoted()
    {
        int line = _line, column = _r - _lineStart + 1;
        _r++;
        bool numeric = false;
        while (_r < _end && _s[_r] != '"')
        {
            if (_s[_r] == '\\')
            {
                numeric = _r + 1 < _end && IsDecimal(_s[_r + 1]);
                QuotedEscape();
            }
            else
            {
                numeric = false;
                int run = _s.AsSpan(_r, _end - _r).IndexOfAny((byte)'"', (byte)'\\');
                PutRun(run < 0 ? _end : _r + run);
            }
        }
        if (_r < _end) _r++;
        else if (!numeric) throw Error($"the quoted string opened at line {line}, column {column} is never closed");
    }

    /// After "\" in a quoted string: a newline continues the line, "\0" starts an octal or (with x) hex byte,
    /// "\1" to "\9" a decimal one, a letter of "abtnvfr" a control byte, anything else stands for itself.
    void QuotedEscape()
    {
        _r++;
        if (_r == _end) throw Error("backslash at the end of the script");
        byte c = _s[_r];
        if (c == '0' && _r + 1 < _end && _s[_r + 1] == 'x')
        {
            _r += 2;
            Put(Number(IsHex, 2, 16, "\\0x"));
        }
        else if (c == '0')
        {
            _r++;
            Put(Number(IsOctal, 3, 8, "\\0"));
        }
        else if (c >= '1' && c <= '9') Put(Number(IsDecimal, 3, 10, "\\"));
        else if (c == '\n') MoveTo(_r + 1);
        else
        {
            Put(Escaped(c));
            _r++;
        }
    }

    static byte Escaped(byte c) => c switch
    {
        (byte)'a' => 7, (byte)'b' => 8, (byte)'t' => 9, (byte)'n' => 10, (byte)'v' => 11, (byte)'f' => 12, (byte)'r' => 13,
        _ => c,
    };

    /// Up to max digits of the radix, read greedily; the byte must be 1 to 255.
    byte Number(Func<byte, bool> digit, int max, int radix, string leader)
    {
        int n = 0;
        while (n < max && _r + n < _end && digit(_s[_r + n])) n++;
        if (n == 0) throw Error($"\"{leader}\" must be followed by a digit");
        int v = 0;
        for (int k = 0; k < n; k++)
        {
            int d = _s[_r + k];
            v = v * radix + (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
        }
        if (v == 0 || v > 255)
            throw Error($"escape \"{leader}{Text.Bytes.Latin1(_s.AsSpan(_r, n))}\" is not a byte from 1 to 255");
        _r += n;
        return (byte)v;
    }

    void Put(byte b) => _s[_w++] = b;

    /// Copies the bytes from where reading stands up to end (no newline among them unless quoted) to the word.
    void PutRun(int end)
    {
        int start = _r;
        MoveTo(end);
        if (start != _w) _s.AsSpan(start, end - start).CopyTo(_s.AsSpan(_w));
        _w += end - start;
    }

    /// Reads on to pos, counting the lines passed.
    void MoveTo(int pos)
    {
        var passed = _s.AsSpan(_r, pos - _r);
        int last = passed.LastIndexOf((byte)'\n');
        if (last >= 0)
        {
            _line += passed.Count((byte)'\n');
            _lineStart = _r + last + 1;
        }
        _r = pos;
    }

    /// The word store keeps a word's leading spaces as a count, like the block depth.
    void StripLeadingSpaces()
    {
        int k = 0;
        while (WordStart + k < _w && _s[WordStart + k] == ' ') k++;
        LeadingSpaces = k;
        if (k == 0) return;
        _s.AsSpan(WordStart + k, _w - WordStart - k).CopyTo(_s.AsSpan(WordStart));
        _w -= k;
    }

    ScriptError Error(string detail) => new("syntax error", _source, _line, _r - _lineStart + 1, detail);
}
