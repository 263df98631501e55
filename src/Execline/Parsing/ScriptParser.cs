namespace Execline.Parsing;

/// A script could not be read: Kind is upstream's message ("syntax error", "unmatched {", "unmatched }"),
/// the rest says where and why.
public sealed class ScriptError : Exception
{
    public string Kind { get; }
    public new string Source { get; }
    public int Line { get; }
    public int Column { get; }
    public string Detail { get; }

    public ScriptError(string kind, string source, int line, int column, string detail)
        : base($"{kind} in {source} at line {line}, column {column}: {detail}")
    {
        Kind = kind;
        Source = source;
        Line = line;
        Column = column;
        Detail = detail;
    }
}

/// Script text to the argv execlineb hands on: each word prefixed with one space per enclosing block,
/// each closing brace turned into a terminator word of (new depth) spaces.
public static class ScriptParser
{
    public static Runtime.Words Parse(string text, string source) => Parse(Text.Bytes.ToBytes(text), text.Length, source);

    /// Parses the first length bytes of script, whose buffer then holds the words' bytes.
    public static Runtime.Words Parse(byte[] script, int length, string source)
    {
        int nul = Array.IndexOf(script, (byte)0, 0, length);
        if (nul >= 0) length = nul;
        var lexer = new ScriptLexer(script, length, source);
        // Every token takes a byte and all but the last one a separator after it.
        var words = new Runtime.Words.Builder(script, length / 2 + 1);
        var open = new List<(int Line, int Column)>();
        // A syntax error anywhere in the script is reported before an unmatched brace.
        ScriptError? unmatched = null;
        while (lexer.Next() is { } kind)
        {
            switch (kind)
            {
                case TokenKind.Open:
                    open.Add((lexer.Line, lexer.Column));
                    break;
                case TokenKind.Close:
                    if (open.Count == 0)
                    {
                        unmatched ??= new ScriptError("unmatched }", source, lexer.Line, lexer.Column, "no block is open here");
                        break;
                    }
                    open.RemoveAt(open.Count - 1);
                    words.Add(open.Count, lexer.Written);
                    break;
                default:
                    words.Add(open.Count + lexer.LeadingSpaces, lexer.WordStart);
                    break;
            }
        }
        if (unmatched != null) throw unmatched;
        if (open.Count > 0)
        {
            var (line, column) = open[^1];
            throw new ScriptError("unmatched {", source, line, column, "this block is never closed");
        }
        return words.Build(lexer.Written);
    }
}
