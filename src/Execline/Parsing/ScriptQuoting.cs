namespace Execline.Parsing;

/// The inverse of the lexer for one word: a script token that reads back as exactly that word. A word
/// holding NUL has no script form (execlineb stops reading at the first NUL).
public static class ScriptQuoting
{
    public static string Quote(string word)
    {
        if (word.IndexOf('\0') >= 0) throw new ArgumentException("a script word cannot hold NUL", nameof(word));
        var sb = new System.Text.StringBuilder(word.Length + 2);
        sb.Append('"');
        foreach (var c in word)
        {
            if (c == '"' || c == '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
