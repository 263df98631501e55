using Execline.Native;

namespace Execline.Init.Supervision;

/// The pipes of s6-rc pipelines, which s6-rc keeps in its fd holder service and we keep here: a service
/// directory with a `consumer-for` file reads its stdin from a pipe that every service directory naming it
/// in a `producer-for` file (a sibling directory, by name) writes its stdout to. s6-rc-init writes both
/// files into the live service directories. A pipe is known by its consumer's directory (device, inode),
/// made when the first of its services is set up, and closed when the last of them leaves supervision:
/// restarting any side loses nothing the pipe holds.
sealed class PipelinePipes
{
    readonly Dictionary<(ulong Dev, ulong Ino), (LogPipe Pipe, int Users)> _pipes = new();

    /// The consumer whose pipe a service directory reads (its own) or writes (the one `producer-for`
    /// names), or null when it has no such file or the consumer cannot be found.
    public static (ulong Dev, ulong Ino)? ConsumerOf(string dir, bool reads)
    {
        string target;
        if (reads)
        {
            if (!ServiceFiles.Exists(dir + "/consumer-for")) return null;
            target = dir;
        }
        else
        {
            var data = Unistd.ReadFile(dir + "/producer-for");
            if (data == null) return null;
            var name = Text.Bytes.Latin1(data).Split('\n')[0];
            if (name.Length == 0) return null;
            target = $"{dir}/../{name}";
        }
        return SysStat.StatPath(target, out var st) == 0 ? (st.Dev, st.Ino) : null;
    }

    /// Whether taking this pipe would make one (two more descriptors).
    public bool IsNew((ulong, ulong) key) => !_pipes.ContainsKey(key);

    /// The pipe for one more user (made if needed), or null with errno.
    public LogPipe? Take((ulong, ulong) key)
    {
        if (_pipes.TryGetValue(key, out var entry))
        {
            _pipes[key] = (entry.Pipe, entry.Users + 1);
            return entry.Pipe;
        }
        var pipe = LogPipe.Create();
        if (pipe != null) _pipes[key] = (pipe, 1);
        return pipe;
    }

    /// One user less; the last closes the pipe.
    public void Give((ulong, ulong) key)
    {
        if (!_pipes.TryGetValue(key, out var entry)) return;
        if (entry.Users > 1)
        {
            _pipes[key] = (entry.Pipe, entry.Users - 1);
            return;
        }
        _pipes.Remove(key);
        entry.Pipe.CloseReadEnd();
        entry.Pipe.CloseWriteEnd();
    }
}
