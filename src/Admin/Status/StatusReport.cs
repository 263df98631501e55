namespace Execline.Admin.Status;

/// `execline-cs status` as a table (columns aligned, "-" where a value does not apply) or as JSON.
static class StatusReport
{
    public static string Text(IReadOnlyList<ServiceRow> rows)
    {
        bool loops = rows.Any(r => r.CrashLoop != null);
        var table = new List<string[]> { Header(loops) };
        foreach (var r in rows)
        {
            string[] cells =
            [
                r.Name, r.Kind, r.State, Cell(r.Pid), Cell(r.Uptime), Cell(r.Restarts),
                r.Ready switch { true => "yes", false => "no", null => "-" }, r.LastExit ?? "-",
            ];
            table.Add(loops ? [.. cells, r.CrashLoop is { } c ? $"{c.State}:{c.Deaths}" : "-"] : cells);
        }
        var widths = Enumerable.Range(0, table[0].Length).Select(i => table.Max(row => row[i].Length)).ToArray();
        return string.Concat(table.Select(row =>
            string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd() + "\n"));
    }

    static string[] Header(bool loops) =>
        loops
            ? ["NAME", "KIND", "STATE", "PID", "UPTIME", "RESTARTS", "READY", "LAST-EXIT", "CRASH-LOOP"]
            : ["NAME", "KIND", "STATE", "PID", "UPTIME", "RESTARTS", "READY", "LAST-EXIT"];

    static string Cell(long? n) => n?.ToString() ?? "-";

    public static string Json(string scandir, IReadOnlyList<ServiceRow> rows) =>
        Admin.Json.Object(("scandir", Admin.Json.Quote(scandir)), ("services", Admin.Json.Array(rows.Select(Row)))) + "\n";

    static string Row(ServiceRow r) => Admin.Json.Object(
        ("name", Admin.Json.Quote(r.Name)), ("kind", Admin.Json.Quote(r.Kind)), ("state", Admin.Json.Quote(r.State)),
        ("pid", Admin.Json.Value(r.Pid)), ("uptime", Admin.Json.Value(r.Uptime)), ("restarts", Admin.Json.Value(r.Restarts)),
        ("ready", Admin.Json.Value(r.Ready)), ("last_exit", Admin.Json.Value(r.LastExit)),
        ("crash_loop", r.CrashLoop is { } c
            ? Admin.Json.Object(("state", Admin.Json.Quote(c.State)), ("deaths", Admin.Json.Value(c.Deaths)))
            : "null"),
        ("want_up", Admin.Json.Value(r.WantUp)), ("normally_up", Admin.Json.Value(r.NormallyUp)));

    /// `execline-cs health`: nothing to say when healthy in text; else NAME: why, a line each.
    public static string HealthText(IReadOnlyList<(string Name, string Why)> problems) =>
        string.Concat(problems.Select(p => $"{p.Name}: {p.Why}\n"));

    public static string HealthJson(IReadOnlyList<(string Name, string Why)> problems) =>
        Admin.Json.Object(
            ("healthy", Admin.Json.Value(problems.Count == 0)),
            ("problems", Admin.Json.Array(problems.Select(p =>
                Admin.Json.Object(("name", Admin.Json.Quote(p.Name)), ("reason", Admin.Json.Quote(p.Why))))))) + "\n";
}
