using Execline.Builtins.PortableUtils;
using Execline.Native;
using Execline.Rc;
using Execline.Rc.Database;
using Execline.Runtime;
using Execline.S6;
using System.Globalization;

namespace Execline.Builtins.Rc;

/// s6-rc-init [ -c bootdb ] [ -l livedir ] [ -p prefix ] [ -t timeout ] [ -d ] [ -b ] scandir — as s6-rc
/// 0.7's: makes the live directory `LIVE:s6-rc-init:XXXXXX` beside LIVE (state all down, a copy of every
/// longrun's service directory), points the LIVE link at it, links each service directory into the
/// scandir with a `down` file, has s6-svscan pick them up and waits until each is supervised. A live
/// directory already working on the same scandir, prefix and database is kept (exit 0); one that lost its
/// link is recovered.
public sealed class S6RcInit : Builtin
{
    public override string Usage => "s6-rc-init [ -c bootdb ] [ -l livedir ] [ -p prefix ] [ -t timeout ] [ -d ] [ -b ] scandir";

    public override Outcome Run(Invocation inv)
    {
        string bootdb = "/etc/s6-rc/compiled", live = "/run/s6-rc", prefix = "";
        string? timeoutArg = null;
        bool deref = false;
        // -b (wait for the database's lock) has nothing to wait for: s6-rc-init 0.7 takes no lock either.
        int first = Gol.Parse(inv,
            [
                new('d', "dereference", () => deref = true), new('\0', "no-dereference", () => deref = false),
                new('b', "block", () => { }), new('\0', "no-block", () => { }),
            ],
            [
                new('c', "bootdb", v => bootdb = v), new('l', "livedir", v => live = v),
                new('p', "prefix", v => prefix = v), new('t', "timeout", v => timeoutArg = v),
            ]);
        if (first >= inv.Argv.Count) throw inv.Usage();
        string scandir = inv.Argv[first];
        if (!scandir.StartsWith('/')) throw inv.Die(100, "scandir must be an absolute path");
        if (!live.StartsWith('/')) throw inv.Die(100, "livedir must be an absolute path");
        long deadline = long.MaxValue;
        if (timeoutArg != null)
        {
            if (!uint.TryParse(timeoutArg, NumberStyles.None, null, out uint t)) throw inv.Die(100, "timeout must be an unsigned integer");
            if (t != 0) deadline = Environment.TickCount64 + t;
        }
        if (deref) bootdb = Stdlib.RealPath(bootdb) ?? throw inv.DieErrno(111, $"unable to realpath {bootdb}", Errno.Value);
        else if (!bootdb.StartsWith('/')) throw inv.Die(100, "bootdb must be an absolute path");
        if (prefix.Contains('/') || prefix.Contains('\n')) throw inv.Die(100, "prefix cannot contain a / or a newline");
        live = live.TrimEnd('/');
        if (live.Length == 0) throw inv.Die(102, "invalid existing livedir: /");

        CheckScandir(inv, scandir);
        if (Stdlib.RealPath(live) is { } existing)
        {
            if (IsLiveFor(inv, existing, scandir, prefix, bootdb))
            {
                inv.WriteErr($"{Prog}: info: s6-rc already running on {existing}\n");
                return Outcome.Exit(0);
            }
        }
        else if (FindLost(inv, live, scandir, prefix, bootdb) is { } lost)
        {
            inv.WriteErr($"{Prog}: info: s6-rc already running on {lost} - recovering it\n");
            int e = AtomicSymlink(System.IO.Path.GetFileName(lost), live);
            if (e != 0) throw inv.DieErrno(111, $"unable to symlink {System.IO.Path.GetFileName(lost)} to {live}", e);
            return Outcome.Exit(0);
        }

        ServiceDatabase db;
        try
        {
            db = DatabaseFile.Load(bootdb);
        }
        catch (RcError e)
        {
            throw inv.Fail(e);
        }
        string real = Create(inv, live, scandir, prefix, bootdb, db.Count);
        string name = System.IO.Path.GetFileName(real);
        int err = AtomicSymlink(name, live);
        if (err != 0)
        {
            Tree.Remove(real);
            throw inv.DieErrno(111, $"unable to symlink {name} to {live}", err);
        }
        var dirs = new LiveDir(real);
        var services = Enumerable.Range(0, db.LongrunCount).Select(i => (dirs.ServiceDir(db.Services[i].Name), db.Services[i].Name)).ToList();
        err = SupervisorLinks.Link(scandir, services, prefix, deadline);
        if (err != 0)
        {
            Files.Unlink(live);
            Tree.Remove(real);
            if (err == Errno.ENXIO)
                throw inv.Die(100, $"unable to supervise service directories in {live}/servicedirs: s6-svscan not running on {scandir}");
            throw inv.DieErrno(111, $"unable to supervise service directories in {live}/servicedirs", err);
        }
        return Outcome.Exit(0);
    }

    /// An s6-svscan must be listening on the scandir (an empty write to its control FIFO tells).
    void CheckScandir(Invocation inv, string scandir)
    {
        switch (ControlFifo.Send(scandir, ".s6-svscan", "", out int errno))
        {
            case Delivery.NotListening: throw inv.Die(100, $"s6-svscan is not running on {scandir}");
            case Delivery.BrokenDirectory: throw inv.DieErrno(111, $"invalid {scandir}/.s6-svscan scandir control directory", errno);
            case Delivery.Failed: throw inv.DieErrno(111, $"unable to check {scandir}", errno);
        }
    }

    /// s6-rc-init's check_livedir: a live directory whose fd holder is supervised, for this scandir,
    /// prefix and database. A mismatch on a working one is fatal (102).
    bool IsLiveFor(Invocation inv, string dir, string scandir, string prefix, string bootdb)
    {
        string holder = $"{dir}/servicedirs/{InternalServices.FdHolder}";
        int ok = Supervised.Check(holder, out int errno);
        if (ok < 0) throw inv.DieErrno(111, $"unable to check {holder}", errno);
        if (ok == 0 || !ServiceFiles(holder))
        {
            string why = ServiceFiles(holder) ? "supervisors running" : "s6rc-fdholder service";
            inv.Warn($"directory {dir} looks like a live directory but has no {why}");
            return false;
        }
        var linked = Unistd.ReadLink(dir + "/scandir") ?? throw inv.DieErrno(111, $"unable to readlink {dir}/scandir", Errno.Value);
        if (linked != scandir) throw inv.Die(102, $"existing livedir at {dir} uses scandir at {linked} rather than {scandir}");
        var pr = Unistd.ReadFile(dir + "/prefix") ?? throw inv.DieErrno(111, $"unable to read {dir}/prefix", Errno.Value);
        if (Text.Bytes.Latin1(pr) != prefix) throw inv.Die(102, $"prefix mismatch with the existing livedir at {dir}");
        var compiled = Unistd.ReadLink(dir + "/compiled") ?? throw inv.DieErrno(111, $"unable to readlink {dir}/compiled", Errno.Value);
        if (compiled != bootdb) throw inv.Die(102, $"existing livedir at {dir} uses bootdb at {compiled} rather than {bootdb}");
        return true;
    }

    static bool ServiceFiles(string dir) => Unistd.Access(dir, Unistd.F_OK) == 0;

    /// A live directory made for this scandir whose LIVE link is gone: `LIVE:s6-rc-*` beside it.
    string? FindLost(Invocation inv, string live, string scandir, string prefix, string bootdb)
    {
        int slash = live.LastIndexOf('/');
        if (slash == 0) throw inv.Die(102, $"invalid existing livedir: {live}");
        string parent = live[..slash], stem = live[(slash + 1)..] + ":s6-rc-";
        var names = Dirent.ListDirectory(parent, out int errno) ?? throw inv.DieErrno(111, $"unable to opendir {parent}", errno);
        foreach (var name in names)
        {
            if (name.StartsWith('.') || !name.StartsWith(stem, StringComparison.Ordinal)) continue;
            if (IsLiveFor(inv, $"{parent}/{name}", scandir, prefix, bootdb)) return $"{parent}/{name}";
        }
        return null;
    }

    /// s6rc_livedir_create: the new live directory, its path.
    string Create(Invocation inv, string live, string scandir, string prefix, string bootdb, int count)
    {
        string? dir;
        using (new TemporaryUmask(0)) dir = Stdlib.MakeTempDirectory($"{live}:{Prog}:XXXXXX");
        if (dir == null) throw inv.DieErrno(111, "unable to create live directory", Errno.Value);
        int err;
        using (new TemporaryUmask(0)) err = Files.Mkdir(dir + "/servicedirs", SysStat.Mode0755);
        if (err == 0) err = Files.Symlink(bootdb, dir + "/compiled");
        if (err == 0) err = Files.Symlink(scandir, dir + "/scandir");
        if (err == 0) err = WriteFile(dir + "/prefix", Text.Bytes.ToBytes(prefix));
        if (err == 0) err = WriteFile(dir + "/state", new byte[count]);
        if (err == 0) err = WriteFile(dir + "/lock", []);
        if (err == 0) err = Files.Chmod(dir, SysStat.Mode0755);
        if (err == 0)
        {
            using (new TemporaryUmask(0)) err = Tree.Copy(bootdb + "/servicedirs", dir + "/servicedirs");
            if (err != 0)
            {
                Tree.Remove(dir);
                throw inv.DieErrno(111, $"unable to recursively copy {bootdb}/servicedirs to {dir}/servicedirs", err);
            }
        }
        if (err != 0)
        {
            Tree.Remove(dir);
            throw inv.DieErrno(111, "unable to create live directory", err);
        }
        return dir;
    }

    static int WriteFile(string path, byte[] data)
    {
        int fd = Fcntl.Open(path, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, SysStat.Mode0644);
        if (fd < 0) return Errno.Value;
        int err = Unistd.WriteAll(fd, data);
        Unistd.close(fd);
        return err;
    }

    /// A symlink made under a temporary name and renamed over path, so path never misses.
    public static int AtomicSymlink(string target, string path)
    {
        string temp = $"{path}:{Environment.ProcessId}:{Random.Shared.Next():x}";
        int err = Files.Symlink(target, temp);
        if (err == 0 && (err = Files.Rename(temp, path)) != 0) Files.Unlink(temp);
        return err;
    }
}
