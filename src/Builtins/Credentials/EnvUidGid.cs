using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Credentials;

/// s6-envuidgid [ -i | -D uid:gid:gidlist ] [ -u | -g | -B ] [ -n ] account prog... — exec prog with UID,
/// GID and GIDLIST set from the account database: the user's uid, primary gid and the groups listing it.
/// -u only UID, -g: account is a group, only GID; -B user:group: UID and GID. -n: a name that is not found
/// is read as a number (and implies -B unless -u or -g narrows it). -D: values for what is not found.
public sealed class EnvUidGid : Builtin
{
    public override string Usage =>
        "s6-envuidgid [ -i | -D defaultuid:defaultgid:defaultgidlist ] [ -u | -g | -B ] [ -n ] account prog...";

    public override Outcome Run(Invocation inv)
    {
        var q = new UidGidQuery();
        var g = new Getopt(inv.Argv, "ugBniD:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'u': q.What = UidGidQuery.WantUid; break;
                case 'g': q.What = UidGidQuery.WantGid; break;
                case 'B': q.What = UidGidQuery.WantUid | UidGidQuery.WantGid; break;
                case 'n': q.What &= UidGidQuery.WantUid | UidGidQuery.WantGid; q.Numeric = true; break;
                case 'i': q.Insist = true; break;
                case 'D': if (!q.SetDefaults(arg!)) throw inv.Usage(); break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var error = q.Resolve(inv.Argv[g.Index]);
        if (error != null) throw inv.Die(1, error);
        if ((q.What & UidGidQuery.WantUid) != 0) inv.Env.Set("UID", q.Uid.ToString());
        if ((q.What & UidGidQuery.WantGid) != 0) inv.Env.Set("GID", q.Gid.ToString());
        if ((q.What & UidGidQuery.WantList) != 0) inv.Env.Set("GIDLIST", Ids.Format(q.Groups));
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }
}
