using Execline.Parsing;

namespace Execline.Admin.Check;

/// A word of an execline script where it stands in the text, or a block `{ ... }` with the words and
/// blocks inside it: the structure execlineb's argv encodes with leading spaces, kept with positions.
sealed record ScriptNode(string Word, int Line, int Column, List<ScriptNode>? Block)
{
    public bool IsBlock => Block != null;
}

static class ScriptTree
{
    /// The top level of a script that parses (ScriptParser.Parse has said so): the lexer's tokens, nested.
    public static List<ScriptNode> Of(byte[] script)
    {
        var copy = (byte[])script.Clone();
        int length = Array.IndexOf(copy, (byte)0) is var nul and >= 0 ? nul : copy.Length;
        var lexer = new ScriptLexer(copy, length, "");
        var levels = new Stack<List<ScriptNode>>();
        levels.Push([]);
        while (lexer.Next() is { } kind)
        {
            switch (kind)
            {
                case TokenKind.Open:
                    var block = new List<ScriptNode>();
                    levels.Peek().Add(new ScriptNode("{", lexer.Line, lexer.Column, block));
                    levels.Push(block);
                    break;
                case TokenKind.Close:
                    if (levels.Count > 1) levels.Pop();
                    break;
                default:
                    var word = Text.Bytes.Latin1(copy.AsSpan(lexer.WordStart, lexer.Written - lexer.WordStart));
                    levels.Peek().Add(new ScriptNode(new string(' ', lexer.LeadingSpaces) + word, lexer.Line, lexer.Column, null));
                    break;
            }
        }
        while (levels.Count > 1) levels.Pop();
        return levels.Pop();
    }
}
