using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Rc;

/// s6-rc's live directory, as s6-rc-init 0.7 lays it out: `compiled` and `scandir` (links to the database
/// and the scandir), `prefix` (of the names in the scandir), `state` (a byte per atomic service: 1 up,
/// 2 explicitly wanted up), `lock`, and `servicedirs/` (a copy of every longrun's service directory, which
/// the scandir links to).
sealed class LiveDir(string path)
{
    public const byte Up = 1, WantedUp = 2;

    public string Path { get; } = path;
    public string Compiled => Path + "/compiled";
    public string StateFile => Path + "/state";
    public string ServiceDirs => Path + "/servicedirs";
    public string ServiceDir(string name) => $"{ServiceDirs}/{name}";
    /// Oneshots run there, as s6-rc's runner service runs them in its own directory.
    public string RunnerDir => ServiceDir(Execline.Rc.InternalServices.OneshotRunner);

    /// The state bytes; at least count of them or exit 4 as s6-rc does (a state file shorter than the
    /// database has services).
    public byte[] ReadState(Invocation inv, int count)
    {
        var data = Unistd.ReadFile(StateFile) ?? throw inv.DieErrno(111, $"unable to read {StateFile}", Errno.Value);
        if (data.Length < count) throw inv.Die(4, $"unable to read valid state in {StateFile}");
        var state = new byte[count];
        for (int i = 0; i < count; i++) state[i] = (byte)(data[i] & 0x0f);
        return state;
    }

    public void WriteState(Invocation inv, byte[] state)
    {
        int err = AtomicFile.Replace(StateFile, state);
        if (err != 0) throw inv.DieErrno(111, $"unable to write {StateFile}", err);
    }

    /// s6rc_lock: the live directory's lock (exclusive for a change, shared to read) and the database's
    /// (shared), without waiting unless told; a held lock is "busy". Held until the process ends.
    public void Lock(Invocation inv, bool exclusive, bool wait)
    {
        int live = TakeLock(Path + "/lock", exclusive, wait, out int err);
        int compiled = live < 0 ? -1 : TakeLock(Compiled + "/lock", false, wait, out err);
        if (compiled >= 0) return;
        if (live >= 0) Unistd.close(live);
        throw inv.DieErrno(111, "unable to take locks", err);
    }

    static int TakeLock(string file, bool exclusive, bool wait, out int err)
    {
        int flags = (exclusive ? Fcntl.O_RDWR | Fcntl.O_CREAT | Fcntl.O_TRUNC : Fcntl.O_RDONLY) | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC;
        int fd = Fcntl.Open(file, flags, SysStat.Mode0644);
        if (fd < 0)
        {
            err = Errno.Value;
            return -1;
        }
        err = Fcntl.Lock(fd, exclusive, wait);
        if (err == 0) return fd;
        Unistd.close(fd);
        if (err is Errno.EAGAIN or Errno.EACCES) err = Errno.EBUSY;
        return -1;
    }
}
