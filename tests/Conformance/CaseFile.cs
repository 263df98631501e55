namespace Execline.Tests.Conformance;

/// One conformance case: a shell snippet run under both interpreters (format in Cases/README.md).
public sealed record Case(string File, string Name, string? Improved, string Snippet)
{
    public override string ToString() => $"{File}: {Name}";
}

public static class CaseFile
{
    public static string Directory => Path.Combine(Sandbox.RepoRoot, "tests", "Conformance", "Cases");

    public static IEnumerable<Case> All() =>
        System.IO.Directory.GetFiles(Directory, "*.cases").Order(StringComparer.Ordinal).SelectMany(Read);

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
}
