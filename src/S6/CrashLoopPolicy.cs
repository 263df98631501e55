namespace Execline.S6;

/// What a service does when it keeps dying (not in s6): its restarts wait longer and longer (FirstDelay,
/// times Factor at each death, up to MaxDelay; back to FirstDelay once run has stayed up Reset ms), and
/// after GiveUpDeaths deaths within GiveUpWindow ms it stays down, or the container stops with ExitCode.
/// Written as words `NAME=VALUE` separated by blanks or newlines, in the service's `crash-loop` file or in
/// S6_CRASH_LOOP for every service without one:
///
///     backoff=1s-1m factor=2 reset=1m give-up=5/2m then=exit:3
///
/// Durations take a unit: ms, s, m or h. `none` alone is s6's rules (a service opting out of the default).
public sealed record CrashLoopPolicy(long FirstDelay, long MaxDelay, int Factor, long Reset, int GiveUpDeaths, long GiveUpWindow, int? ExitCode)
{
    const long DefaultReset = 60_000;
    const string Words = "backoff=, factor=, reset=, give-up=, then= or none";

    public bool BacksOff => FirstDelay > 0;
    public bool GivesUp => GiveUpDeaths > 0;

    /// The wait before the next start after the deaths-th death in a row (1 for the first).
    public long DelayAfter(int deaths)
    {
        long delay = FirstDelay;
        for (int i = 1; i < deaths && delay < MaxDelay; i++) delay *= Factor;
        return Math.Min(delay, MaxDelay);
    }

    /// The policy text says, or null with error set (null and no error: s6's rules, for an empty text or
    /// `none`).
    public static CrashLoopPolicy? Parse(string text, out string? error)
    {
        error = null;
        var words = text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words is ["none"]) return null;
        long first = 0, max = 0, reset = -1, window = 0;
        int factor = 2, deaths = 0;
        int? exit = null;
        bool thenSeen = false;
        var seen = new HashSet<string>();
        foreach (var word in words)
        {
            int eq = word.IndexOf('=');
            string name = eq < 0 ? word : word[..eq], value = eq < 0 ? "" : word[(eq + 1)..];
            if (eq < 0 || name is not ("backoff" or "factor" or "reset" or "give-up" or "then"))
                return Fail(out error, $"unknown word \"{word}\" (expected {Words})");
            if (!seen.Add(name)) return Fail(out error, $"{name}= given twice");
            switch (name)
            {
                case "backoff":
                    int dash = value.IndexOf('-');
                    if (dash < 0 || !TryDuration(value[..dash], out first) || !TryDuration(value[(dash + 1)..], out max) || first == 0)
                        return Fail(out error, $"\"{word}\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m");
                    if (max < first) return Fail(out error, $"\"{word}\": the longest wait is shorter than the first");
                    break;
                case "factor":
                    if (!int.TryParse(value, out factor) || !value.All(char.IsAsciiDigit) || factor is < 1 or > 100)
                        return Fail(out error, $"\"{word}\": expected a whole number from 1 to 100");
                    break;
                case "reset":
                    if (!TryDuration(value, out reset)) return Fail(out error, $"\"{word}\": expected a duration, as in reset=1m");
                    break;
                case "give-up":
                    int slash = value.IndexOf('/');
                    if (slash < 0 || !int.TryParse(value[..slash], out deaths) || !value[..slash].All(char.IsAsciiDigit) || deaths < 1
                        || !TryDuration(value[(slash + 1)..], out window) || window == 0)
                        return Fail(out error, $"\"{word}\": expected give-up=DEATHS/DURATION, as in give-up=5/2m");
                    break;
                case "then":
                    thenSeen = true;
                    if (value == "down") break;
                    if (value.StartsWith("exit:") && value.Length > 5 && value[5..].All(char.IsAsciiDigit)
                        && int.TryParse(value[5..], out int code) && code <= 255)
                    {
                        exit = code;
                        break;
                    }
                    return Fail(out error, $"\"{word}\": expected then=down or then=exit:CODE (0 to 255)");
            }
        }
        if (first == 0 && deaths == 0) return Fail(out error, "neither backoff= nor give-up= is given");
        if (thenSeen && deaths == 0) return Fail(out error, "then= without give-up=");
        if (seen.Contains("factor") && first == 0) return Fail(out error, "factor= without backoff=");
        return new CrashLoopPolicy(first, max, factor, reset < 0 ? DefaultReset : reset, deaths, window, exit);
    }

    static CrashLoopPolicy? Fail(out string? error, string text)
    {
        error = text;
        return null;
    }

    /// Digits and a unit (ms, s, m, h), in milliseconds, at most a day.
    static bool TryDuration(string s, out long ms)
    {
        ms = 0;
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || digits > 9) return false;
        long unit = s[digits..] switch { "ms" => 1, "s" => 1000, "m" => 60_000, "h" => 3_600_000, _ => 0 };
        if (unit == 0) return false;
        ms = long.Parse(s[..digits]) * unit;
        return ms <= 86_400_000;
    }
}
