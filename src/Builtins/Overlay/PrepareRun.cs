using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// s6-overlay-prepare-run — the checks of s6-overlay v3's preinit (libexec/preinit runs it first, then
/// recreates /run/s6 and /run/service): /run is there and writable (on S6_READ_ONLY_ROOT, a tmpfs is
/// mounted on a read-only /run when we may), the container user can work in it (fixed when we are root,
/// else accepted or refused by v3's table of owners and modes), and /var/run is a link to /run. The
/// container's ids come from the variables s6-overlay-suexec sets. Messages carry preinit's name and
/// follow S6_VERBOSITY, as preinit's do.
public sealed class PrepareRun : Builtin
{
    public const string Name = "s6-overlay-prepare-run";
    const string Prefix = "/package/admin/s6-overlay/libexec/preinit: ";
    const string WritabilityProbe = "/run/test of writability";

    public override string Usage => Name;

    public override Outcome Run(Invocation inv)
    {
        var env = inv.Env;
        var say = new Messages(inv, env.Get("S6_VERBOSITY"));
        if (Flag(env.Get("S6_READ_ONLY_ROOT"))) ReadOnlyRoot(say);
        else MakeRun(say);

        var st = Files.Stat("/run", out int err);
        if (st == null) throw say.Fatal(111, $"unable to stat /run: {Errno.StrError(err)}");
        var run = st.Value;
        var perms = OverlayStat.Perms(run.Mode);
        var ids = new ContainerIds(env);
        say.Info($"container permissions: uid={ids.Uid} ({env.Get("USER")}), euid={ids.Euid}, gid={ids.Gid} ({env.Get("GROUP")}), egid={ids.Egid}");
        say.Info($"/run permissions: uid={run.Uid} ({Accounts.UserName(run.Uid)}), gid={run.Gid} ({Accounts.GroupName(run.Gid)}), perms={perms}");
        if (ids.Uid != run.Uid) Ownership(say, env, ids, run, perms);

        VarRunLink(say);
        return Outcome.Exit(0);
    }

    /// On a read-only root /run must be a directory we can write to; a tmpfs mounted there with exec is
    /// what s6-overlay's README promises (v3's own branch for it cannot be reached: its shell exits on
    /// the failed redirection). A writable one is remounted exec when we may, else checked for noexec.
    static void ReadOnlyRoot(Messages say)
    {
        say.Info("read-only root");
        var st = Files.Stat("/run", out _);
        if (st == null || !Files.IsType(st.Value, SysStat.S_IFDIR)) throw say.Fatal(100, "/run is missing or not a directory");
        int fd = Fcntl.Open(WritabilityProbe, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC);
        if (fd < 0)
        {
            int why = Errno.Value;
            say.Info("creating a tmpfs on /run");
            int e = SysMount.Mount("tmpfs", "/run", "tmpfs", 0, "mode=0755");
            if (e != 0)
                throw say.Fatal(100, $"/run is not writable ({Errno.StrError(why)}) and a tmpfs cannot be mounted on it ({Errno.StrError(e)}): " +
                    "give the container a writable /run that allows exec (e.g. --tmpfs /run:exec)");
            return;
        }
        Unistd.close(fd);
        say.Info("writable /run. Checking for executability.");
        Files.Unlink(WritabilityProbe);
        if (SysMount.Mount("tmpfs", "/run", "tmpfs", SysMount.MS_REMOUNT, "") == 0) return;
        var options = RunMountOptions();
        if (options == null)
            say.Warning("unable to find /run in /proc/mounts, check that your container manager pre-mounts /proc, and that /run is a tmpfs. " +
                "The container is likely to crash soon, if /run is (incorrectly) mounted noexec.");
        else if (Array.IndexOf(options.Split(','), "noexec") >= 0)
            say.Warning("your container manager pre-mounts run with the incorrect noexec option, which s6-overlay cannot work with; " +
                "expect /init to crash soon. To fix the issue, either pre-mount /run with the exec option, or as a workaround give " +
                "this container the CAP_SYS_ADMIN capability so s6-overlay can fix it at run time.");
    }

    /// The options of the first /run line of /proc/mounts, as preinit reads it; null when there is none.
    static string? RunMountOptions()
    {
        var data = Unistd.ReadFile("/proc/mounts");
        if (data == null) return null;
        foreach (var line in Text.Bytes.Latin1(data).Split('\n'))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 4 && f[1] == "/run") return f[3];
        }
        return null;
    }

    static void MakeRun(Messages say)
    {
        int e = Files.Mkdir("/run", SysStat.Mode0755);
        if (e == 0 || (e == Errno.EEXIST && Files.Stat("/run", out _) is { } st && Files.IsType(st, SysStat.S_IFDIR))) return;
        throw say.Fatal(111, $"unable to mkdir /run: {Errno.StrError(e == Errno.EEXIST ? Errno.ENOTDIR : e)}");
    }

    /// /run belongs to someone else than the container user: v3's decision table (spec §2.3 step 3).
    static void Ownership(Messages say, Environ env, ContainerIds ids, SysStat.Stat run, string perms)
    {
        long uid = run.Uid, gid = run.Gid;
        if (ids.Euid == 0)
        {
            say.Info($"/run belongs to uid {uid} instead of {ids.Uid} - fixing it");
            int e = Files.Chown("/run", (int)ids.Uid, (int)ids.Gid);
            if (e != 0) throw say.Fatal(111, $"unable to chown /run: {Errno.StrError(e)}");
            e = Files.Chmod("/run", SysStat.Mode0755);
            if (e != 0) throw say.Fatal(111, $"unable to chmod /run: {Errno.StrError(e)}");
            return;
        }
        if (ids.Gid == 0 && gid == 0)
        {
            if (perms.Contains("gxgwgr") && !perms.Contains("ow")) { say.Info("using /run with gid 0"); return; }
            throw say.Fatal(100, "wrong permissions on /run for a gid 0 setup");
        }
        // rwx for the class the user falls in, with the sticky bit (and setgid for the group class)
        var (x, y) = gid == ids.Egid ? ("g", "gs") : ("o", "");
        var rwx = $"{x}x{x}w{x}r";
        int at = perms.IndexOf(rwx, StringComparison.Ordinal);
        if (uid == 0 && at >= 0 && perms.IndexOf("os" + y, at + rwx.Length, StringComparison.Ordinal) >= 0)
        {
            say.Warning($"/run belongs to uid {uid} instead of {ids.Uid}, but we can still work in single-uid mapping.");
            return;
        }
        if (uid == 0 && perms.Contains("gxgwgruxuwur") && Flag(env.Get("S6_YES_I_WANT_A_WORLD_WRITABLE_RUN_BECAUSE_KUBERNETES")))
        {
            var how = perms.Contains("ow") ? "IS WORLD WRITABLE" : "is GROUP WRITABLE";
            say.Warning($"/run belongs to uid {uid} instead of {ids.Uid}, {how}, and we're lacking the privileges to fix it, but we have been instructed to accept it.");
            return;
        }
        throw say.Fatal(100, $"/run belongs to uid {uid} instead of {ids.Uid}, has insecure and/or unworkable permissions, and we're lacking the privileges to fix it.");
    }

    static void VarRunLink(Messages say)
    {
        if (Files.Stat("/var/run", out _, follow: false) is { } st && Files.IsType(st, SysStat.S_IFLNK)
            && Stdlib.RealPath("/var/run") == "/run")
            return;
        say.Warning("/var/run is not a symlink to /run, fixing it");
        int err = PortableUtils.Tree.Remove("/var/run");
        if (err != 0) throw new Fatal(111, $"s6-rmrf: fatal: unable to remove /var/run: {Errno.StrError(err)}");
        int e = Files.Symlink("/run", "/var/run");
        if (e != 0) throw new Fatal(111, $"s6-ln: fatal: unable to symlink /var/run to /run: {Errno.StrError(e)}");
    }

    /// preinit's `"0$X" -ne 0`: a number after a leading 0, not zero; anything else is false.
    static bool Flag(string? value) => ContainerEnvironment.TryInteger("0" + value, out var n) && n != 0;

    /// The container's ids as s6-overlay-suexec passed them; this process's own where one is missing.
    sealed class ContainerIds(Environ env)
    {
        public readonly long Uid = Id(env, "UID", Unistd.getuid());
        public readonly long Euid = Id(env, "EUID", Unistd.geteuid());
        public readonly long Gid = Id(env, "GID", Unistd.getgid());
        public readonly long Egid = Id(env, "EGID", Unistd.getegid());

        static long Id(Environ env, string name, int own) =>
            ContainerEnvironment.TryInteger(env.Get(name) ?? "", out var n) ? n : own;
    }

    /// preinit's fatal/warning/info: warnings when ${S6_VERBOSITY:-2} > 0, info when > 1.
    sealed class Messages(Invocation inv, string? verbosity)
    {
        readonly long _level = ContainerEnvironment.TryInteger(string.IsNullOrEmpty(verbosity) ? "2" : verbosity, out var v) ? v : 0;

        public void Info(string text) { if (_level > 1) inv.WriteErr(Prefix + "info: " + text + "\n"); }
        public void Warning(string text) { if (_level > 0) inv.WriteErr(Prefix + "warning: " + text + "\n"); }
        public Fatal Fatal(int code, string text) => new(code, Prefix + "fatal: " + text);
    }
}
