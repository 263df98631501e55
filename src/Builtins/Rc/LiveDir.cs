using Execline.Native;
using Execline.Rc.Database;
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
    /// (shared), without waiting unless told; a held lock is "busy". Held until disposed.
    public Locks Lock(Invocation inv, bool exclusive, bool wait)
    {
        int live = CompiledLock.TakeFile(Path + "/lock", exclusive, wait, out int err);
        int compiled = live < 0 ? -1 : CompiledLock.TakeFile(Compiled + "/lock", false, wait, out err);
        if (compiled >= 0) return new Locks(live, compiled);
        if (live >= 0) Unistd.close(live);
        throw inv.DieErrno(111, "unable to take locks", err);
    }

    public sealed class Locks(int live, int compiled) : IDisposable
    {
        public void Dispose()
        {
            Unistd.close(live);
            Unistd.close(compiled);
        }
    }

    /// s6rc_livedir_create: a new live directory `LIVE:PROG:XXXXXX` beside the LIVE link, with its links,
    /// prefix, state, lock and an empty servicedirs/ (mode 0755). Null with errno (nothing left behind).
    public static LiveDir? Create(string live, string prog, string scandir, string prefix, string compiled, byte[] state, out int err)
    {
        string? dir;
        using (new TemporaryUmask(0)) dir = Stdlib.MakeTempDirectory($"{live}:{prog}:XXXXXX");
        if (dir == null)
        {
            err = Errno.Value;
            return null;
        }
        using (new TemporaryUmask(0)) err = Files.Mkdir(dir + "/servicedirs", SysStat.Mode0755);
        if (err == 0) err = Files.Symlink(compiled, dir + "/compiled");
        if (err == 0) err = Files.Symlink(scandir, dir + "/scandir");
        if (err == 0) err = WriteFile(dir + "/prefix", Text.Bytes.ToBytes(prefix));
        if (err == 0) err = WriteFile(dir + "/state", state);
        if (err == 0) err = WriteFile(dir + "/lock", []);
        if (err == 0) err = Files.Chmod(dir, SysStat.Mode0755);
        if (err == 0) return new LiveDir(dir);
        PortableUtils.Tree.Remove(dir);
        return null;
    }

    /// Our supervisor joins a pipeline's services by a pipe it holds (s6-rc's fd holder has it in s6-rc):
    /// each producer's service directory names its consumer in `producer-for`, each consumer's its
    /// producers in `consumer-for`, as the sources did. 0 or an errno.
    public int DeclarePipelines(ServiceDatabase db)
    {
        for (int i = 0; i < db.LongrunCount; i++)
        {
            int err = DeclarePipeline(db, i);
            if (err != 0) return err;
        }
        return 0;
    }

    /// DeclarePipelines for longrun i alone.
    public int DeclarePipeline(ServiceDatabase db, int i)
    {
        var s = db.Services[i];
        string dir = ServiceDir(s.Name);
        int err = 0;
        if (s.Consumer >= 0) err = WriteFile(dir + "/producer-for", Text.Bytes.ToBytes(db.Services[s.Consumer].Name + "\n"));
        if (err == 0 && s.Producers.Length > 0)
            err = WriteFile(dir + "/consumer-for", Text.Bytes.ToBytes(string.Concat(s.Producers.Select(p => db.Services[p].Name + "\n"))));
        return err;
    }

    /// Points the LIVE link at this directory (by its name: they are side by side), through a link made
    /// under a temporary name and renamed over it, so LIVE never misses. 0 or an errno.
    public int BecomeCurrent(string live)
    {
        string temp = $"{live}:{Environment.ProcessId}:{Random.Shared.Next():x}";
        int err = Files.Symlink(System.IO.Path.GetFileName(Path), temp);
        if (err == 0 && (err = Files.Rename(temp, live)) != 0) Files.Unlink(temp);
        return err;
    }

    static int WriteFile(string path, byte[] data)
    {
        int fd = Fcntl.Open(path, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, SysStat.Mode0644);
        if (fd < 0) return Errno.Value;
        int err = Unistd.WriteAll(fd, data);
        Unistd.close(fd);
        return err;
    }
}
