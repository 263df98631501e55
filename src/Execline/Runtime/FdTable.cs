using Execline.Native;

namespace Execline.Runtime;

/// Which real descriptor of this process stands at each descriptor number of the modelled process.
/// A block works on a copy, so moving or closing descriptors in it never touches the parent's.
public sealed class FdTable
{
    // Parallel lists sorted by number: a handful of entries, copied for every block.
    readonly List<int> _numbers;
    readonly List<int> _reals;
    /// The process's own table is read from /proc on first use: a chain that never touches a
    /// descriptor (exit, define...) never pays for the scan.
    bool _unread;

    FdTable(List<int> numbers, List<int> reals)
    {
        _numbers = numbers;
        _reals = reals;
    }

    /// The descriptors this process inherited (not close-on-exec: the runtime opens its own close-on-exec).
    public static FdTable Inherited() => new(new List<int>(), new List<int>()) { _unread = true };

    void Read()
    {
        if (!_unread) return;
        _unread = false;
        foreach (var fd in RealFds.InheritedOpen()) Set(fd, fd);
    }

    public FdTable Clone()
    {
        Read();
        return new(new List<int>(_numbers), new List<int>(_reals));
    }

    /// The open descriptor numbers, ascending.
    public IReadOnlyList<int> Numbers
    {
        get
        {
            Read();
            return _numbers;
        }
    }

    int Find(int fd)
    {
        Read();
        for (int i = 0; i < _numbers.Count; i++)
            if (_numbers[i] >= fd) return _numbers[i] == fd ? i : ~i;
        return ~_numbers.Count;
    }

    /// The real descriptor behind fd, or -1 when fd is closed.
    public int Real(int fd)
    {
        int i = Find(fd);
        return i >= 0 ? _reals[i] : -1;
    }

    public bool IsOpen(int fd) => Find(fd) >= 0;

    public void Set(int fd, int real)
    {
        int i = Find(fd);
        if (i >= 0) _reals[i] = real;
        else
        {
            _numbers.Insert(~i, fd);
            _reals.Insert(~i, real);
        }
    }

    public void Close(int fd)
    {
        int i = Find(fd);
        if (i < 0) return;
        _numbers.RemoveAt(i);
        _reals.RemoveAt(i);
    }

    public int LowestFree(int from = 0)
    {
        int fd = from;
        while (IsOpen(fd)) fd++;
        return fd;
    }

    public int Highest
    {
        get
        {
            Read();
            return _numbers.Count == 0 ? -1 : _numbers[^1];
        }
    }
}

/// Facts about the real descriptors of this process.
public static class RealFds
{
    static List<int>? _inherited;

    /// Non-close-on-exec descriptors open in this process: inherited ones we have not closed.
    public static List<int> InheritedOpen()
    {
        if (_inherited != null) return _inherited;
        _inherited = new List<int>();
        var names = Dirent.ListDirectory("/proc/self/fd");
        if (names != null)
        {
            foreach (var n in names)
                if (Numbers.TryUInt(n, out var fd)) Consider(fd);
        }
        else
            for (int fd = 0; fd < 1024; fd++) Consider(fd);
        return _inherited;

        void Consider(int fd)
        {
            int flags = Fcntl.fcntl(fd, Fcntl.F_GETFD, 0);
            if (flags >= 0 && (flags & Fcntl.FD_CLOEXEC) == 0 && !_inherited!.Contains(fd)) _inherited.Add(fd);
        }
    }

    public static void MarkInherited(int fd)
    {
        if (!InheritedOpen().Contains(fd)) _inherited!.Add(fd);
    }

    /// A close-on-exec duplicate of real at or above min.
    public static int DupAbove(int real, int min) => Fcntl.fcntl(real, Fcntl.F_DUPFD_CLOEXEC, min);

    public static void CloseReal(int fd)
    {
        Unistd.close(fd);
        InheritedOpen().Remove(fd);
    }
}
