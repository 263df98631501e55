using Execline.Native;
using Execline.S6;

namespace Execline.Init.Supervision;

/// One service's crash-loop bookkeeping under its CrashLoopPolicy: the deaths since run last stayed up
/// long enough (they make the backoff), the deaths within the give-up window, and `supervise/crash-loop`,
/// the line tools read while the service backs off or after it gave up: `<state> <deaths> <until-unix-ms>`
/// (`backoff`, until the next start; `gave-up`, since when).
sealed class CrashLoop(string dir, CrashLoopPolicy? fallback)
{
    public enum Phase { None, Backoff, GaveUp }

    /// The policy in force since the last death (the file's, or the default's).
    public CrashLoopPolicy? Policy { get; private set; }
    public int Deaths { get; private set; }
    public Phase State { get; private set; }
    readonly Queue<long> _recent = new();
    /// The file's text the policy was read from, so that a bad file is said once, not at every death.
    string? _text;

    string FilePath => dir + "/supervise/crash-loop";

    /// Reads the policy (a `crash-loop` file stands over the default; a bad one is said once, and s6's rules
    /// hold) and counts a death at now (ms) of a run started at upAt.
    public void Died(long now, long upAt, Action<string> warn)
    {
        Read(warn);
        if (Policy is not { } p) return;
        if (now - upAt >= p.Reset) Deaths = 0;
        Deaths++;
        _recent.Enqueue(now);
        while (_recent.Count > 0 && _recent.Peek() <= now - p.GiveUpWindow) _recent.Dequeue();
    }

    void Read(Action<string> warn)
    {
        var bytes = Unistd.ReadFile(dir + "/crash-loop");
        if (bytes == null)
        {
            if (Errno.Value != Errno.ENOENT) warn($"unable to read {dir}/crash-loop: {Errno.StrError(Errno.Value)} - using {(fallback == null ? "s6's rules" : "S6_CRASH_LOOP")}");
            _text = null;
            Policy = fallback;
            return;
        }
        string text = Text.Bytes.Latin1(bytes);
        if (text == _text) return;
        _text = text;
        Policy = CrashLoopPolicy.Parse(text, out string? error);
        if (error != null) warn($"invalid {dir}/crash-loop: {error} - using s6's rules");
    }

    /// Enough deaths within the window to give up.
    public bool ShouldGiveUp => Policy is { GivesUp: true } p && _recent.Count >= p.GiveUpDeaths;

    /// The start after this death waits at least the backoff (from now); long.MinValue without one.
    public long StartNoSoonerThan(long now) => Policy is { BacksOff: true } p ? now + p.DelayAfter(Deaths) : long.MinValue;

    public void BackingOff(long untilUnixMs) => Write(Phase.Backoff, Deaths, untilUnixMs);

    public void GaveUp(long unixMs) => Write(Phase.GaveUp, _recent.Count, unixMs);

    /// Run stayed up past the reset time: the backoff starts over.
    public void Reset()
    {
        Deaths = 0;
        Remove();
    }

    /// An admin started the service: it starts afresh.
    public void Clear()
    {
        Deaths = 0;
        _recent.Clear();
        Remove();
    }

    /// No longer waiting to start (wanted down meanwhile); a give-up stays said.
    public void NotBackingOff()
    {
        if (State == Phase.Backoff) Remove();
    }

    public void Remove()
    {
        if (State == Phase.None && !ServiceFiles.Exists(FilePath)) return;
        State = Phase.None;
        Unistd.Unlink(FilePath);
    }

    void Write(Phase phase, int deaths, long unixMs)
    {
        State = phase;
        AtomicFile.Replace(FilePath, Text.Bytes.ToBytes($"{(phase == Phase.Backoff ? "backoff" : "gave-up")} {deaths} {unixMs}\n"));
    }
}
