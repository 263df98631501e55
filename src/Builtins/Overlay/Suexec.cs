using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// s6-overlay-suexec { root_block } normal_init... — s6-overlay v3's first step as process 1: runs the
/// block (preinit) with root's ids when the effective uid is root, waits for it, then execs the rest with
/// the real ids and the original environment. The block alone gets the ids and account names in UID,
/// EUID, GID, EGID, USER, EUSER, GROUP, EGROUP. Without root (a USER container: our commands are links of
/// one program, which carries no setuid bit) the block runs with the container's own ids.
public sealed class Suexec : Builtin
{
    public override string Usage => "s6-overlay-suexec { root_block... } normal_init...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        // Only process 1 may run a root block: anything later in the container could use it to get root.
        if (Unistd.getpid() != 1) throw inv.Die(100, "can only run as pid 1");
        uint uid = (uint)Unistd.getuid(), euid = (uint)Unistd.geteuid();
        uint gid = (uint)Unistd.getgid(), egid = (uint)Unistd.getegid();
        if (euid != 0)
        {
            if (euid != uid)
                inv.Warn($"real uid is {uid} while effective uid is {euid}; setting everything to {uid}; check s6-overlay-suexec permissions");
            if (Unistd.setresgid(gid, gid, gid) < 0) throw inv.DieErrno(111, "unable to setresgid", Errno.Value);
            if (Unistd.setresuid(uid, uid, uid) < 0) throw inv.DieErrno(111, "unable to setresuid", Errno.Value);
        }
        else
        {
            if (gid != 0 && Unistd.setgid(0) < 0) throw inv.DieErrno(111, "unable to setgid to root", Errno.Value);
            if (uid != 0 && Unistd.setuid(0) < 0) throw inv.DieErrno(111, "unable to setuid to root", Errno.Value);
        }

        int end = Block.Read(inv, inv.Argv, 1, out var block);
        if (end < 0) throw inv.Die(100, "unterminated block");
        if (block.Count == 0) throw inv.Die(100, "empty block");
        if (end + 1 >= inv.Argv.Count) throw inv.Die(100, "empty remainder");

        var status = inv.RunBlockOrDie(block, RootBlockState(inv.State, uid, euid, gid, egid));
        if (status.IsSignaled) throw inv.Die(128 + status.Signal, $"child crashed with signal {status.Signal}");
        if (status.ExitCode != 0) throw inv.Die(status.ExitCode, $"child failed with exit code {status.ExitCode}");

        if (euid == 0)
        {
            if (gid != 0 && Unistd.setgid(gid) < 0) throw inv.DieErrno(111, "unable to setgid to user", Errno.Value);
            if (uid != 0 && Unistd.setuid(uid) < 0) throw inv.DieErrno(111, "unable to setuid to user", Errno.Value);
        }
        return Outcome.Exec(inv.Rest(end + 1));
    }

    static ProcessState RootBlockState(ProcessState original, uint uid, uint euid, uint gid, uint egid)
    {
        var st = original.Clone();
        var env = st.Env;
        env.Unset("GIDLIST");
        env.Set("GID", gid.ToString());
        env.Set("EGID", egid.ToString());
        env.Set("UID", uid.ToString());
        env.Set("EUID", euid.ToString());
        env.Set("USER", Accounts.UserName(uid) ?? "");
        env.Set("EUSER", Accounts.UserName(euid) ?? "");
        env.Set("GROUP", Accounts.GroupName(gid) ?? "");
        env.Set("EGROUP", Accounts.GroupName(egid) ?? "");
        return st;
    }
}
