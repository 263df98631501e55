using System.Reflection;
using System.Text;
using Xunit.Sdk;
using Xunit.v3;

namespace Execline.Tests.Conformance;

/// The cases of one Cases/*.cases file, run under the real execline and ours: one test class per file (a
/// subclass naming its file with [CaseFile], in CaseFileClasses.cs), so that xunit runs the files in parallel.
public abstract class SideBySideCases
{
    [Theory]
    [CasesOfTheClassFile]
    public void Case_behaves_as_the_real_execline(string name)
    {
        var c = CaseFile.SideBySide(CaseFileAttribute.Of(GetType()))[name];
        var real = Sandbox.Execute("real", c.Snippet);
        var ours = Sandbox.Execute("ours", c.Snippet);
        var problems = Verdict.Differences(real, ours, c.Improved != null);
        Assert.True(problems.Count == 0, Verdict.Report(c, problems, real, ours));
    }
}

/// The cases of one Cases/*.expected.cases file, run under ours and compared with their expected output.
public abstract class ExpectedOutputCases
{
    [Theory]
    [CasesOfTheClassFile]
    public void Case_prints_what_is_expected(string name)
    {
        var c = CaseFile.Expected(CaseFileAttribute.Of(GetType()))[name];
        var expected = new Run(Encoding.Latin1.GetBytes(c.Stdout), Encoding.Latin1.GetBytes(c.Stderr), c.ExitCode);
        var ours = Sandbox.Execute("ours", c.Snippet);
        var problems = Verdict.Differences(expected, ours, improved: false);
        Assert.True(problems.Count == 0,
            Verdict.Report(new Case(c.File, c.Name, null, c.Snippet), problems, expected, ours, "expected"));
    }
}

/// The Cases/ file whose cases a test class runs.
[AttributeUsage(AttributeTargets.Class)]
public sealed class CaseFileAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string Of(Type testClass) =>
        testClass.GetCustomAttribute<CaseFileAttribute>()?.Name
        ?? throw new InvalidOperationException($"{testClass.Name} names no case file: add [CaseFile(\"....cases\")]");
}

/// The names of the cases in the file of the test class the theory runs in (the class that inherits it).
sealed class CasesOfTheClassFileAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var file = CaseFileAttribute.Of(testMethod.ReflectedType!);
        var names = file.EndsWith(CaseFile.ExpectedSuffix) ? CaseFile.Expected(file).Keys : CaseFile.SideBySide(file).Keys;
        return new(names.Select(n => (ITheoryDataRow)new TheoryDataRow<string>(n)).ToList());
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}

public class CaseFilesTests
{
    /// A file without its class would be skipped in silence.
    [Fact]
    public void Every_cases_file_has_one_test_class_of_its_kind()
    {
        var files = Directory.GetFiles(CaseFile.Directory, "*.cases").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);
        var classes = typeof(CaseFilesTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<CaseFileAttribute>() != null)
            .Select(t => (File: CaseFileAttribute.Of(t), Kind: t.BaseType))
            .OrderBy(c => c.File, StringComparer.Ordinal).ToList();
        Assert.Equal(files, classes.Select(c => c.File));
        Assert.All(classes, c => Assert.Equal(
            c.File.EndsWith(CaseFile.ExpectedSuffix) ? typeof(ExpectedOutputCases) : typeof(SideBySideCases), c.Kind));
    }
}

/// How two runs are compared: stdout and exit code exactly; stderr exactly, or, for a case marked
/// improved, line by line with each real line a prefix of ours.
public static class Verdict
{
    public static List<string> Differences(Run real, Run ours, bool improved)
    {
        var d = new List<string>();
        if (!real.Stdout.AsSpan().SequenceEqual(ours.Stdout)) d.Add("stdout differs");
        if (real.ExitCode != ours.ExitCode) d.Add($"exit code {ours.ExitCode}, expected {real.ExitCode}");
        if (!improved)
        {
            if (!real.Stderr.AsSpan().SequenceEqual(ours.Stderr)) d.Add("stderr differs");
        }
        else
        {
            var r = Lines(real.Stderr);
            var o = Lines(ours.Stderr);
            if (r.Length != o.Length || r.Zip(o).Any(p => !p.Second.StartsWith(p.First, StringComparison.Ordinal)))
                d.Add("stderr does not extend the real one line by line");
        }
        return d;
    }

    static string[] Lines(byte[] b) => Encoding.Latin1.GetString(b).Split('\n');

    public static string Report(Case c, List<string> problems, Run real, Run ours, string realSide = "real")
    {
        var s = new StringBuilder();
        s.Append(string.Join("; ", problems)).Append("\nsnippet:\n").Append(c.Snippet);
        foreach (var (side, r) in new[] { (realSide, real), ("ours", ours) })
        {
            s.Append($"--- {side} rc={r.ExitCode}\n");
            foreach (var l in Encoding.Latin1.GetString(r.Stdout).Split('\n')) s.Append("out| ").Append(l).Append('\n');
            foreach (var l in Encoding.Latin1.GetString(r.Stderr).Split('\n')) s.Append("err| ").Append(l).Append('\n');
        }
        return s.ToString();
    }
}
