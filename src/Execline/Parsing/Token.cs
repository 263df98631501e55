using Sprache;

namespace Execline.Parsing;

public enum TokenKind { Word, Open, Close, Nothing }

/// A lexeme of the script with where it starts.
public sealed class Token : IPositionAware<Token>
{
    public TokenKind Kind { get; }
    public string Text { get; }
    public int Line { get; private set; }
    public int Column { get; private set; }

    public Token(TokenKind kind, string text = "")
    {
        Kind = kind;
        Text = text;
    }

    public Token SetPos(Position startPos, int length)
    {
        Line = startPos.Line;
        Column = startPos.Column;
        return this;
    }
}
