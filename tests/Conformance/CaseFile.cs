namespace Execline.Tests.Conformance;

/// One conformance case: a shell snippet run under both interpreters (format in Cases/README.md).
public sealed record Case(string File, string Name, string? Improved, string Snippet)
{
    public override string ToString() => $"{File}: {Name}";
}

/// A case with no real program to compare with: the snippet runs with ours only and must print exactly
/// the expected stdout and stderr lines and exit with the expected code (format in Cases/README.md).
public sealed record ExpectedCase(string File, string Name, string Snippet, string Stdout, string Stderr, int ExitCode)
{
    public override string ToString() => $"{File}: {Name}";
}

public static class CaseFile
{
    public const string ExpectedSuffix = ".expected.cases";

    public static string Directory => Path.Combine(Sandbox.RepoRoot, "tests", "Conformance", "Cases");

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<object>> Parsed = new();

    /// The cases of a side-by-side file by name, parsed once for all its tests.
    public static IReadOnlyDictionary<string, Case> SideBySide(string file) =>
        Once(file, path => Read(path).ToDictionary(c => c.Name));

    /// The cases of an expected-output file by name, parsed once for all its tests.
    public static IReadOnlyDictionary<string, ExpectedCase> Expected(string file) =>
        Once(file, path => ReadExpected(path).ToDictionary(c => c.Name));

    static T Once<T>(string file, Func<string, T> parse) where T : class =>
        (T)Parsed.GetOrAdd(file, f => new Lazy<object>(() => parse(Path.Combine(Directory, f)))).Value;

    public static IEnumerable<Case> Read(string path)
    {
        var file = Path.GetFileName(path);
        string? name = null, improved = null;
        var snippet = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(path, System.Text.Encoding.Latin1))
        {
            if (line.StartsWith("## "))
            {
                if (name != null) yield return new Case(file, name, improved, snippet.ToString());
                name = line[3..];
                improved = null;
                snippet.Clear();
            }
            else if (line.StartsWith("#! improved:")) improved = line["#! improved:".Length..].Trim();
            else if (name != null) snippet.Append(line).Append('\n');
        }
        if (name != null) yield return new Case(file, name, improved, snippet.ToString());
    }

    /// "#> text" is a line of stdout, "#2> text" a line of stderr, "#? N" the snippet's exit code (0 when
    /// not given); every other line up to the next "## " belongs to the snippet.
    public static IEnumerable<ExpectedCase> ReadExpected(string path)
    {
        var file = Path.GetFileName(path);
        string? name = null;
        int code = 0;
        var snippet = new System.Text.StringBuilder();
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(path, System.Text.Encoding.Latin1))
        {
            if (line.StartsWith("## "))
            {
                if (name != null) yield return Make();
                name = line[3..];
                code = 0;
                snippet.Clear();
                stdout.Clear();
                stderr.Clear();
            }
            else if (name == null) continue;
            else if (line.StartsWith("#>")) stdout.Append(Text(line, 2)).Append('\n');
            else if (line.StartsWith("#2>")) stderr.Append(Text(line, 3)).Append('\n');
            else if (line.StartsWith("#? ")) code = int.Parse(line[3..].Trim());
            else snippet.Append(line).Append('\n');
        }
        if (name != null) yield return Make();

        ExpectedCase Make() => new(file, name!, snippet.ToString(), stdout.ToString(), stderr.ToString(), code);
    }

    /// The text after the marker and the one space that follows it.
    static string Text(string line, int marker) =>
        line.Length > marker && line[marker] == ' ' ? line[(marker + 1)..] : line[marker..];
}
