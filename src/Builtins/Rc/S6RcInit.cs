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
/// scandir (as LIVE/servicedirs/NAME) with a `down` file, has s6-svscan pick them up and waits until
/// each is supervised. A live directory already working on the same scandir, prefix and database is kept
/// (exit 0); one that lost its link is recovered.
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
            int e = new LiveDir(lost).BecomeCurrent(live);
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
        var dir = LiveDir.Create(live, Prog, scandir, prefix, bootdb, new byte[db.Count], out int err)
            ?? throw inv.DieErrno(111, "unable to create live directory", err);
        string from = bootdb + "/servicedirs";
        using (new TemporaryUmask(0)) err = Tree.CopyDirectoryItself(from, dir.ServiceDirs);
        if (err != 0)
        {
            Tree.Remove(dir.Path);
            throw inv.DieErrno(111, $"unable to recursively copy {from} to {dir.ServiceDirs}", err);
        }
        err = dir.BecomeCurrent(live);
        if (err != 0)
        {
            Tree.Remove(dir.Path);
            throw inv.DieErrno(111, $"unable to symlink {System.IO.Path.GetFileName(dir.Path)} to {live}", err);
        }
        // The scandir's links go through LIVE, as the spec's runtime tree has them (and as s6-rc-update
        // makes them): a later update moves LIVE, never a link, and our supervisor, which reaches a service
        // by its scandir path, follows.
        var current = new LiveDir(live);
        var services = Enumerable.Range(0, db.LongrunCount).Select(i => (current.ServiceDir(db.Services[i].Name), db.Services[i].Name)).ToList();
        // Each service directory is copied just before it is linked, and s6-svscan hears of the links as
        // they come (SupervisorLinks): the supervisor sets the first services up while we copy the others.
        // A producer's supervisor finds its consumer by the consumer's directory, which is copied first.
        int copyErr = 0;
        var copied = new bool[db.LongrunCount];
        int Copy(int i)
        {
            if (copied[i]) return 0;
            copied[i] = true;
            string name = db.Services[i].Name;
            int e;
            using (new TemporaryUmask(0)) e = Tree.Copy($"{from}/{name}", dir.ServiceDir(name));
            if (e == 0) e = dir.DeclarePipeline(db, i);
            if (e == 0 && db.Services[i].Consumer >= 0) e = Copy(db.Services[i].Consumer);
            return e;
        }
        err = SupervisorLinks.Link(scandir, services, prefix, deadline, i => copyErr = Copy(i));
        if (err != 0)
        {
            Files.Unlink(live);
            Tree.Remove(dir.Path);
            if (copyErr != 0) throw inv.DieErrno(111, $"unable to recursively copy {from} to {dir.ServiceDirs}", copyErr);
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
        int supervised = Supervised.Check(holder, out int errno);
        if (supervised < 0) throw inv.DieErrno(111, $"unable to check {holder}", errno);
        if (supervised == 0)
        {
            bool there = Unistd.Access(holder, Unistd.F_OK) == 0;
            inv.Warn($"directory {dir} looks like a live directory but has no {(there ? "supervisors running" : "s6rc-fdholder service")}");
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
}
