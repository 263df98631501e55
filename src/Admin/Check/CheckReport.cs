namespace Execline.Admin.Check;

/// What `check` prints: every finding, in the order found, then a summary; or one JSON object.
static class CheckReport
{
    public static string Text(IReadOnlyList<Finding> findings, string root)
    {
        var lines = findings.Select(f => f + "\n");
        return string.Concat(lines) + Summary(findings, root) + "\n";
    }

    public static string Json(IReadOnlyList<Finding> findings, string root)
    {
        var items = findings.Select(f => Admin.Json.Object(
            ("file", Admin.Json.Quote(f.File)), ("line", Admin.Json.Value(f.Line)), ("column", Admin.Json.Value(f.Column)),
            ("severity", Admin.Json.Quote(f.SeverityWord)), ("kind", Admin.Json.Quote(f.Kind)),
            ("message", Admin.Json.Quote(f.Message))));
        return Admin.Json.Object(
            ("root", Admin.Json.Quote(root)),
            ("findings", Admin.Json.Array(items)),
            ("errors", Admin.Json.Value(Count(findings, Severity.Error))),
            ("warnings", Admin.Json.Value(Count(findings, Severity.Warning)))) + "\n";
    }

    static long Count(IReadOnlyList<Finding> findings, Severity s) => findings.Count(f => f.Severity == s);

    static string Summary(IReadOnlyList<Finding> findings, string root)
    {
        long errors = Count(findings, Severity.Error), warnings = Count(findings, Severity.Warning);
        if (errors + warnings == 0) return $"execline-cs check: {root}: no problem found";
        return $"execline-cs check: {root}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
    }
}
