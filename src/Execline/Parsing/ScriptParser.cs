using Sprache;

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
    public static Runtime.Words Parse(string text, string source)
    {
        int nul = text.IndexOf('\0');
        if (nul >= 0) text = text.Substring(0, nul);
        var result = ScriptSyntax.Script(new ScriptInput(text));
        if (!result.WasSuccessful)
        {
            var at = result.Remainder;
            throw new ScriptError("syntax error", source, at.Line, at.Column, Describe(result));
        }
        var words = new Runtime.Words.Builder();
        var open = new List<Token>();
        foreach (var t in result.Value)
        {
            switch (t.Kind)
            {
                case TokenKind.Open:
                    open.Add(t);
                    break;
                case TokenKind.Close:
                    if (open.Count == 0)
                        throw new ScriptError("unmatched }", source, t.Line, t.Column, "no block is open here");
                    open.RemoveAt(open.Count - 1);
                    words.Add(open.Count, "");
                    break;
                default:
                    words.Add(open.Count, t.Text);
                    break;
            }
        }
        if (open.Count > 0)
        {
            var t = open[^1];
            throw new ScriptError("unmatched {", source, t.Line, t.Column, "this block is never closed");
        }
        return words.Build();
    }

    static string Describe(IResult<List<Token>> r) => r.Message ?? "unexpected input";
}
