using Execline.S6;

namespace Execline.Admin.Check;

/// The S6_ variables the container will start with: each is one s6-overlay (v2 or v3) reads, and a
/// number where the init reads a number, within what it accepts.
static class EnvironmentCheck
{
    public const string Kind = "environment";

    /// No upper bound; not a number at all.
    const long Any = long.MaxValue, Text = -1;

    /// Every S6_ variable of s6-overlay v2 and v3 (the specs' tables), with the values it takes: Text for
    /// any text, else the smallest and largest number.
    static readonly (string Name, long Min, long Max)[] Known =
    [
        ("S6_KEEP_ENV", 0, Any), ("S6_LOGGING", 0, 2), ("S6_LOGGING_SCRIPT", Text, Text), ("S6_CMD_ARG0", Text, Text),
        ("S6_BEHAVIOUR_IF_STAGE2_FAILS", 0, 2), ("S6_READ_ONLY_ROOT", 0, Any), ("S6_RUNTIME_PROFILE", Text, Text),
        ("S6_FIX_ATTRS_HIDDEN", 0, Any), ("S6_CMD_WAIT_FOR_SERVICES", 0, Any), ("S6_CMD_WAIT_FOR_SERVICES_MAXTIME", 0, Any),
        ("S6_KILL_FINISH_MAXTIME", 0, Any), ("S6_SERVICES_GRACETIME", 0, Any),
        // v3's shutdownd caps it at 300000 ms
        ("S6_KILL_GRACETIME", 0, 300000),
        ("S6_SYNC_DISKS", 0, Any), ("S6_STAGE2_EXITED", 0, 255), ("S6_CATCHALL_USER", Text, Text), ("S6_STAGE2_HOOK", Text, Text),
        ("S6_RUNTIME_BUNDLEDIR", Text, Text), ("S6_VERBOSITY", 0, 5), ("S6_SERVICES_READYTIME", 0, Any),
        ("S6_CMD_USE_TERMINAL", 0, Any), ("S6_CMD_RECEIVE_SIGNALS", 0, Any),
        ("S6_YES_I_WANT_A_WORLD_WRITABLE_RUN_BECAUSE_KUBERNETES", 0, Any), ("S6_WAIT_FOR_CLOSING_FD", 0, int.MaxValue),
        // ours: which boot, the crash-loop default (CrashLoopCheck reads it), the CMD's stop signal
        ("S6_OVERLAY_GENERATION", 2, 3), ("S6_CRASH_LOOP", Text, Text), ("S6_CMD_STOP_SIGNAL", Text, Text),
    ];

    public static void Run(CheckContext cx)
    {
        foreach (var (name, value) in cx.Environment.Where(kv => kv.Key.StartsWith("S6_", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            int known = Array.FindIndex(Known, k => k.Name == name);
            if (known < 0)
            {
                var near = Known.Where(k => Distance(k.Name, name) <= 2).Select(k => $"; did you mean {k.Name}?").FirstOrDefault() ?? "";
                cx.Add(Finding.Warning(Kind, Finding.Environment, 0, 0, $"unknown variable {name}, which no s6-overlay init reads (expected one of v2's or v3's S6_ variables{near})"));
                continue;
            }
            var (_, min, max) = Known[known];
            if (name == "S6_CMD_STOP_SIGNAL" && value.Length > 0 && !(SignalNames.TryScan(value, out uint sig) && sig is > 0 and < 65))
                cx.Add(Finding.Error(Kind, Finding.Environment, 0, 0, $"S6_CMD_STOP_SIGNAL is \"{value}\", not a signal, the CMD gets SIGTERM (expected a name such as QUIT or SIGQUIT, or a number)"));
            if (min == Text) continue;
            var expected = max == Any ? $"a number {min} or more" : $"a number from {min} to {max}";
            if (value.Length == 0 || !value.All(char.IsAsciiDigit))
                cx.Add(Finding.Error(Kind, Finding.Environment, 0, 0, $"{name} is \"{value}\", not a number (expected {expected})"));
            else if (!long.TryParse(value, out var n) || n < min || n > max)
                cx.Add(Finding.Error(Kind, Finding.Environment, 0, 0, $"{name} is {value}, out of range (expected {expected})"));
        }
    }

    /// Levenshtein distance, for the name a misspelt one probably meant.
    static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
