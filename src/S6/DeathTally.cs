using Execline.Native;
using Execline.Runtime;

namespace Execline.S6;

/// `supervise/death_tally`: one 14-byte record per death of run, oldest first (the stamp of the death,
/// the exit code or 128+signal, the signal or 0), at most max-death-tally of them.
public static class DeathTally
{
    public const int Record = 14;
    public const uint DefaultMax = 100, Ceiling = 4096;
    public const string File = "supervise/death_tally";

    /// One death: when, the exit code (128+signal for a signal), the signal (0 for an exit).
    public readonly record struct Death(Tai64n Stamp, byte ExitCode, byte Signal);

    /// The records of a death_tally's bytes, oldest first; null when its size is not whole records within
    /// the ceiling.
    public static Death[]? Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length % Record != 0 || data.Length > Record * Ceiling) return null;
        var deaths = new Death[data.Length / Record];
        for (int i = 0; i < deaths.Length; i++)
        {
            var rec = data.Slice(i * Record, Record);
            deaths[i] = new Death(Tai64n.Read(rec), rec[12], rec[13]);
        }
        return deaths;
    }

    /// Empty, as a supervisor starts it. Truncated in place rather than replaced: an empty file is never
    /// seen half-written, and the replace cost a rename and an inode freed per service set up.
    public static void Clear(string serviceDir)
    {
        int fd = Fcntl.Open(Path(serviceDir), Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC, SysStat.Mode0666);
        if (fd >= 0) Unistd.close(fd);
    }

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

    static string Path(string serviceDir) => serviceDir + "/" + File;
}
