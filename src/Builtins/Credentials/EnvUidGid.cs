using Execline.Runtime;

namespace Execline.Builtins.Credentials;

/// s6-envuidgid [ -i | -D uid:gid:gidlist ] [ -u | -g | -B ] [ -n ] account prog... — exec prog with UID,
/// GID and GIDLIST set from the account database: the user's uid, primary gid and the groups listing it.
/// -u only UID, -g: account is a group, only GID; -B user:group: UID and GID. -n: a name that is not found
/// is read as a number (and implies -B unless -u or -g narrows it). -D: values for what is not found.
public sealed class EnvUidGid : Builtin
{
    public override string Prog => "s6-envuidgid";
    public override string Usage =>
        "s6-envuidgid [ -i | -D defaultuid:defaultgid:defaultgidlist ] [ -u | -g | -B ] [ -n ] account prog...";
    public override bool RunsEagerly => true;

    const int WantUid = 1, WantGid = 2, WantList = 4;

    public override Outcome Run(Invocation inv)
    {
        int what = WantUid | WantGid | WantList;
        bool numeric = false, insist = true;
        uint uid = 0, gid = 0;
        var list = new List<uint>();
        var g = new Getopt(inv.Argv, "ugBniD:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'u': what = WantUid; break;
                case 'g': what = WantGid; break;
                case 'B': what = WantUid | WantGid; break;
                case 'n': what &= WantUid | WantGid; numeric = true; break;
                case 'i': insist = true; break;
                case 'D':
                    list.Clear();
                    if (!ScanDefaults(arg!, out uid, out gid, list)) throw inv.Usage();
                    insist = false;
                    break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var account = inv.Argv[g.Index];
        string? user = null, group = null;
        if (what == WantGid) group = account;
        else if (what != (WantUid | WantGid)) user = account;
        else
        {
            int colon = account.IndexOf(':');
            user = colon == 0 ? null : colon < 0 ? account : account.Substring(0, colon);
            if (colon >= 0 && colon + 1 < account.Length) group = account.Substring(colon + 1);
        }

        if (group != null)
        {
            var found = Accounts.FindGroup(group);
            if (found != null) gid = found.Value;
            else if (numeric && Ids.Scan(group, 0, out var n) > 0) gid = n;
            else if (insist) throw inv.Die(1, "unknown group: " + group);
        }
        if (user != null)
        {
            var found = Accounts.FindUser(user);
            if (found != null)
            {
                uid = found.Value.Uid;
                if (what == (WantUid | WantGid | WantList))
                {
                    list = Accounts.SupplementaryGroups(account);
                    gid = found.Value.Gid;
                }
            }
            else if (numeric && Ids.Scan(user, 0, out var n) > 0) uid = n;
            else if (insist) throw inv.Die(1, "unknown user: " + user);
        }

        if ((what & WantUid) != 0) inv.Env.Set("UID", uid.ToString());
        if ((what & WantGid) != 0) inv.Env.Set("GID", gid.ToString());
        if ((what & WantList) != 0) inv.Env.Set("GIDLIST", Ids.Format(list));
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }

    /// uid:gid:gidlist, where an empty or missing part is 0 (or an empty list).
    static bool ScanDefaults(string s, out uint uid, out uint gid, List<uint> list)
    {
        gid = 0;
        int pos = Ids.Scan(s, 0, out uid);
        if (pos == 0 && (s.Length == 0 || s[0] != ':')) return false;
        if (pos == s.Length) return true;
        if (s[pos++] != ':') return false;
        if (pos == s.Length) return true;
        int w = Ids.Scan(s, pos, out gid);
        if (w == 0 && s[pos] != ':') return false;
        pos += w;
        if (pos == s.Length) return true;
        if (s[pos++] != ':') return false;
        if (pos == s.Length) return true;
        return Ids.ScanList(s.Substring(pos), 65536, list) > 0;
    }
}
