namespace Execline.Admin.Check;

/// A script's first line as the kernel reads it: `#!INTERPRETER [ARG]`.
sealed record Shebang(string Interpreter, string? Argument)
{
    /// The first line's interpreter, or null when the file does not start with "#!".
    public static Shebang? Of(byte[] file)
    {
        if (file.Length < 2 || file[0] != '#' || file[1] != '!') return null;
        int end = Array.IndexOf(file, (byte)'\n');
        var line = Text.Bytes.Latin1(file.AsSpan(2, (end < 0 ? file.Length : end) - 2)).Trim(' ', '\t', '\r');
        int blank = line.IndexOfAny([' ', '\t']);
        return blank < 0 ? new(line, null) : new(line[..blank], line[(blank + 1)..].Trim(' ', '\t'));
    }

    public bool IsExecline => Interpreter.EndsWith("/execlineb", StringComparison.Ordinal) || Interpreter == "execlineb";

    public static bool IsElf(byte[] file) => file.Length >= 4 && file[0] == 0x7f && file[1] == 'E' && file[2] == 'L' && file[3] == 'F';
}
