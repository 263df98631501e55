using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Credentials;

/// s6-applyuidgid [ -z ] [ -u uid ] [ -g gid ] [ -G gidlist ] [ -U ] prog... — set the supplementary
/// groups (when a list is given; the gid goes first), then the gid and the uid (when not 0), and exec prog.
/// -U takes all three from UID, GID and GIDLIST; -z removes those from prog's environment. Credentials
/// belong to a process: inside a block run in ours, this becomes a process of its own.
public sealed class ApplyUidGid : Builtin
{
    public override string Usage => "s6-applyuidgid [ -z ] [ -u uid ] [ -g gid ] [ -G gidlist ] [ -U ] prog...";

    const int MaxGroups = 65536;

    public override Outcome Run(Invocation inv)
    {
        uint uid = 0, gid = 0;
        List<uint>? groups = null;
        bool unexport = false;
        var g = new Getopt(inv.Argv, "zUu:g:G:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'z': unexport = true; break;
                case 'u': if (!Ids.TryFull(arg!, out uid)) throw inv.Usage(); break;
                case 'g': if (!Ids.TryFull(arg!, out gid)) throw inv.Usage(); break;
                case 'G':
                    groups = new List<uint>();
                    if (Ids.ScanList(arg!, MaxGroups, groups) == 0 && arg!.Length > 0) throw inv.Usage();
                    break;
                case 'U':
                    uid = FromEnv(inv, "UID");
                    gid = FromEnv(inv, "GID");
                    var list = inv.Env.Get("GIDLIST") ?? throw inv.Die(100, "GIDLIST not set");
                    groups = new List<uint>();
                    if (Ids.ScanList(list, MaxGroups + 1, groups) == 0 && list.Length > 0) throw inv.Die(100, "invalid $GIDLIST");
                    break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();

        if (groups != null && Grp.SetGroupsWithFirst(gid != 0 ? gid : (uint)Unistd.getegid(), groups) < 0)
            throw inv.DieErrno(111, "unable to set supplementary group list", Errno.Value);
        if (gid != 0 && Unistd.setgid(gid) < 0) throw inv.DieErrno(111, "unable to setgid", Errno.Value);
        if (uid != 0 && Unistd.setuid(uid) < 0) throw inv.DieErrno(111, "unable to setuid", Errno.Value);
        if (unexport)
        {
            inv.Env.Unset("UID");
            inv.Env.Unset("GID");
            inv.Env.Unset("GIDLIST");
        }
        return Outcome.Exec(inv.Rest(g.Index));
    }

    static uint FromEnv(Invocation inv, string name)
    {
        var v = inv.Env.Get(name) ?? throw inv.Die(100, name + " not set");
        if (!Ids.TryFull(v, out var id)) throw inv.Die(100, "invalid $" + name);
        return id;
    }
}
