namespace Execline.Builtins.Conditions;

enum TokenKind { Word, Unary, Binary, Not, And, Or, LeftParen, RightParen, End }

/// One argument of eltest, classified by an exact match against the operator words.
readonly record struct TestToken(TokenKind Kind, string Text)
{
    static readonly HashSet<string> UnaryWords =
        ["-n", "-z", "-e", "-f", "-d", "-b", "-c", "-p", "-S", "-h", "-L", "-k", "-g", "-u", "-s",
         "-r", "-w", "-x", "-O", "-U", "-G", "-N", "-t", "-v"];

    static readonly HashSet<string> BinaryWords =
        ["=", "!=", "<", "<=", ">", ">=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "=~"];

    public static TestToken Of(string word) => word switch
    {
        "!" => new(TokenKind.Not, word),
        "-a" => new(TokenKind.And, word),
        "-o" => new(TokenKind.Or, word),
        "(" => new(TokenKind.LeftParen, word),
        ")" => new(TokenKind.RightParen, word),
        _ when UnaryWords.Contains(word) => new(TokenKind.Unary, word),
        _ when BinaryWords.Contains(word) => new(TokenKind.Binary, word),
        // Any other word is an operand; a leading backslash lets an operand look like an operator ("\-n").
        _ => new(TokenKind.Word, word.StartsWith('\\') ? word[1..] : word),
    };
}
