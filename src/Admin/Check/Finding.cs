namespace Execline.Admin.Check;

public enum Severity { Error, Warning }

/// One thing wrong in an image's init layout. File is the path as seen inside the image (or
/// "(environment)" for a variable); Line and Column are 1-based, 0 when the finding is about the whole
/// file. Kind names the family of check (json's "kind"), Message says what was wrong and what was expected.
public sealed record Finding(string File, int Line, int Column, Severity Severity, string Kind, string Message)
{
    public const string Environment = "(environment)";

    public static Finding Error(string kind, string file, int line, int column, string message) =>
        new(file, line, column, Severity.Error, kind, message);

    public static Finding Warning(string kind, string file, int line, int column, string message) =>
        new(file, line, column, Severity.Warning, kind, message);

    public string SeverityWord => Severity == Severity.Error ? "error" : "warning";

    /// FILE:LINE:COL: error: message, as compilers print them (FILE: alone for a whole file).
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {SeverityWord}: {Message}" : $"{File}: {SeverityWord}: {Message}";
}
