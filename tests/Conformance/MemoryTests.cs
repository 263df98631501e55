using System.Text;

namespace Execline.Tests.Conformance;

/// Peak memory on large inputs, within three times the real execlineb's (bench/memory.sh shows the
/// figures). The real one hands the script to the kernel as one argv and fails there with E2BIG on a
/// 16 MiB value (its peak is then that of reading the script); ours runs each to its end.
public class MemoryTests
{
    static readonly Lazy<string> MaxRss = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("maxrss.").FullName;
        var bin = Path.Combine(dir, "maxrss");
        var cc = System.Diagnostics.Process.Start("cc", ["-O2", "-o", bin, Path.Combine(Sandbox.RepoRoot, "tests/Conformance/tools/maxrss.c")])!;
        cc.WaitForExit();
        if (cc.ExitCode != 0) throw new InvalidOperationException("cannot compile maxrss.c");
        return bin;
    });

    /// The peak resident set, in kB, of execlineb on the script the shell lines make as s.el.
    static long PeakKb(string side, string makeScript)
    {
        var r = Sandbox.Execute(side, makeScript + $"\n'{MaxRss.Value}' execlineb s.el");
        var text = Encoding.Latin1.GetString(r.Stdout).Trim();
        Assert.True(r.ExitCode == 0 && long.TryParse(text, out _), $"{side}: rc={r.ExitCode} out={text} err={Encoding.Latin1.GetString(r.Stderr)}");
        return long.Parse(text);
    }

    static void AtMostThreeTimes(string makeScript)
    {
        long real = PeakKb("real", makeScript), ours = PeakKb("ours", makeScript);
        Assert.True(ours <= 3 * real, $"ours {ours} kB, execline {real} kB: {(double)ours / real:F2}x");
    }

    [Fact]
    public void A_command_line_of_131072_words_costs_at_most_three_times_execlines_memory() =>
        AtMostThreeTimes("""{ printf true; i=0; while [ $i -lt 131072 ]; do printf ' w'; i=$((i+1)); done; echo; } > s.el""");

    [Fact]
    public void A_16_MiB_define_value_costs_at_most_three_times_execlines_memory() =>
        AtMostThreeTimes("""{ printf 'define v "'; head -c 16777216 /dev/zero | tr '\0' x; printf '"\nexit 0\n'; } > s.el""");

    [Fact]
    public void A_16_MiB_define_value_used_in_a_command_line_costs_at_most_three_times_execlines_memory() =>
        AtMostThreeTimes("""{ printf 'define v "'; head -c 16777216 /dev/zero | tr '\0' x; printf '"\ntrue $v\n'; } > s.el""");

    [Fact]
    public void A_16_MiB_script_costs_at_most_three_times_execlines_memory() =>
        AtMostThreeTimes("""
            awk 'BEGIN { while (size < 16777216) { l = sprintf("define -s v%d \"x %d y\"", n, n); print l; size += length(l) + 1; n++ }
                         print "exit 0" }' > s.el
            """);
}
