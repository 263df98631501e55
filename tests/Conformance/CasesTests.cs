using System.Text;
using Xunit;

namespace Execline.Tests.Conformance;

/// Every case of Cases/*.cases, run under the real execline and ours; every case of Cases/*.expected.cases,
/// run under ours and compared with its expected output.
public class CasesTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in CaseFile.All()) data.Add(c.File, c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_behaves_as_the_real_execline(string file, string name)
    {
        var c = CaseFile.Read(Path.Combine(CaseFile.Directory, file)).Single(x => x.Name == name);
        var real = Sandbox.Execute("real", c.Snippet);
        var ours = Sandbox.Execute("ours", c.Snippet);
        var problems = Verdict.Differences(real, ours, c.Improved != null);
        Assert.True(problems.Count == 0, Verdict.Report(c, problems, real, ours));
    }

    public static TheoryData<string, string> ExpectedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in CaseFile.AllExpected()) data.Add(c.File, c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedCases))]
    public void Case_prints_what_is_expected(string file, string name)
    {
        var c = CaseFile.ReadExpected(Path.Combine(CaseFile.Directory, file)).Single(x => x.Name == name);
        var expected = new Run(Encoding.Latin1.GetBytes(c.Stdout), Encoding.Latin1.GetBytes(c.Stderr), c.ExitCode);
        var ours = Sandbox.Execute("ours", c.Snippet);
        var problems = Verdict.Differences(expected, ours, improved: false);
        Assert.True(problems.Count == 0,
            Verdict.Report(new Case(c.File, c.Name, null, c.Snippet), problems, expected, ours, "expected"));
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
