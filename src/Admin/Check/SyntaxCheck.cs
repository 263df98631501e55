using Execline.Parsing;

namespace Execline.Admin.Check;

/// An execline script parses, by execlineb's own lexer: the line and column are those execlineb would
/// name when it runs the script.
static class SyntaxCheck
{
    public const string Kind = "syntax";

    /// The script's top level, or null after a finding when it does not parse.
    public static List<ScriptNode>? Run(CheckContext cx, string file, byte[] content)
    {
        try
        {
            ScriptParser.Parse((byte[])content.Clone(), content.Length, file);
        }
        catch (ScriptError e)
        {
            cx.Add(Finding.Error(Kind, file, e.Line, e.Column, $"{e.Kind}: {e.Detail}"));
            return null;
        }
        return ScriptTree.Of(content);
    }
}
