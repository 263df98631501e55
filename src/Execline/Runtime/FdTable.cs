using Execline.Native;

namespace Execline.Runtime;

/// Which real descriptor of this process stands at each descriptor number of the modelled process.
/// A block works on a copy, so moving or closing descriptors in it never touches the parent's.
public sealed class FdTable
{
    readonly SortedDictionary<int, int> _map;

    FdTable(SortedDictionary<int, int> map) => _map = map;

    /// The descriptors this process inherited (not close-on-exec: the runtime opens its own close-on-exec).
    public static FdTable Inherited()
    {
        var map = new SortedDictionary<int, int>();
        foreach (var fd in RealFds.InheritedOpen()) map[fd] = fd;
        return new FdTable(map);
    }

    public FdTable Clone() => new(new SortedDictionary<int, int>(_map));

    public IEnumerable<KeyValuePair<int, int>> Entries => _map;

    /// The real descriptor behind fd, or -1 when fd is closed.
    public int Real(int fd) => _map.TryGetValue(fd, out var r) ? r : -1;

    public bool IsOpen(int fd) => _map.ContainsKey(fd);

    public void Set(int fd, int real) => _map[fd] = real;

    public void Close(int fd) => _map.Remove(fd);

    public int LowestFree(int from = 0)
    {
        int fd = from;
        while (_map.ContainsKey(fd)) fd++;
        return fd;
    }

    public int Highest => _map.Count == 0 ? -1 : _map.Keys.Max();
}

/// Facts about the real descriptors of this process.
public static class RealFds
{
    static HashSet<int>? _inherited;

    /// Non-close-on-exec descriptors open in this process: inherited ones we have not closed.
    public static HashSet<int> InheritedOpen()
    {
        if (_inherited != null) return _inherited;
        _inherited = new HashSet<int>();
        try
        {
            foreach (var f in Directory.EnumerateFiles("/proc/self/fd"))
                if (int.TryParse(Path.GetFileName(f), out var fd)) Consider(fd);
        }
        catch (IOException) { ScanLow(); }
        catch (UnauthorizedAccessException) { ScanLow(); }
        return _inherited;

        void ScanLow()
        {
            for (int fd = 0; fd < 1024; fd++) Consider(fd);
        }

        void Consider(int fd)
        {
            int flags = Libc.fcntl(fd, Libc.F_GETFD, 0);
            if (flags >= 0 && (flags & Libc.FD_CLOEXEC) == 0) _inherited!.Add(fd);
        }
    }

    /// A close-on-exec duplicate of real at or above min.
    public static int DupAbove(int real, int min) => Libc.fcntl(real, Libc.F_DUPFD_CLOEXEC, min);

    public static void CloseReal(int fd)
    {
        Libc.close(fd);
        InheritedOpen().Remove(fd);
    }
}
