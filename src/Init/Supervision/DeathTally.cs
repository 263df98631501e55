using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Supervision;

/// `supervise/death_tally`: one 14-byte record per death of run, oldest first (the stamp of the death,
/// the exit code or 128+signal, the signal or 0), at most max-death-tally of them.
static class DeathTally
{
    const int Record = 14;
    public const uint DefaultMax = 100, Ceiling = 4096;

    public static void Clear(string serviceDir) => AtomicFile.Replace(Path(serviceDir), ReadOnlySpan<byte>.Empty);

    public static void Append(string serviceDir, Tai64n stamp, WaitStatus death, uint max)
    {
        if (max == 0) return;
        max = Math.Min(max, Ceiling);
        var old = Unistd.ReadFile(Path(serviceDir)) ?? [];
        if (old.Length % Record != 0) old = [];
        int keep = (int)Math.Min(old.Length / Record, max - 1);
        var data = new byte[(keep + 1) * Record];
        old.AsSpan(old.Length - keep * Record).CopyTo(data);
        var rec = data.AsSpan(keep * Record);
        stamp.Write(rec);
        rec[12] = (byte)(death.IsSignaled ? 128 + death.Signal : death.ExitCode);
        rec[13] = (byte)(death.IsSignaled ? death.Signal : 0);
        AtomicFile.Replace(Path(serviceDir), data);
    }

    static string Path(string serviceDir) => serviceDir + "/supervise/death_tally";
}
