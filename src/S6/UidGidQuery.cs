namespace Execline.S6;

/// What s6-envuidgid computes for an account: the uid, gid and supplementary groups it names, by the
/// rules its options set. Shared with fix-attrs, whose account column means exactly this.
public sealed class UidGidQuery
{
    public const int WantUid = 1, WantGid = 2, WantList = 4;

    public int What = WantUid | WantGid | WantList;
    /// A name that is not found is read as a number (-n).
    public bool Numeric;
    /// Not found and not a number is an error; otherwise the defaults stay (-D).
    public bool Insist = true;
    public uint Uid, Gid;
    public List<uint> Groups = new();

    /// Looks account up; returns null, or the error text ("unknown user: X").
    public string? Resolve(string account)
    {
        string? user = null, group = null;
        if (What == WantGid) group = account;
        else if (What != (WantUid | WantGid)) user = account;
        else
        {
            int colon = account.IndexOf(':');
            user = colon == 0 ? null : colon < 0 ? account : account.Substring(0, colon);
            if (colon >= 0 && colon + 1 < account.Length) group = account.Substring(colon + 1);
        }

        if (group != null)
        {
            var found = Accounts.FindGroup(group);
            if (found != null) Gid = found.Value;
            else if (Numeric && Ids.Scan(group, 0, out var n) > 0) Gid = n;
            else if (Insist) return "unknown group: " + group;
        }
        if (user != null)
        {
            var found = Accounts.FindUser(user);
            if (found != null)
            {
                Uid = found.Value.Uid;
                if (What == (WantUid | WantGid | WantList))
                {
                    Groups = Accounts.SupplementaryGroups(account);
                    Gid = found.Value.Gid;
                }
            }
            else if (Numeric && Ids.Scan(user, 0, out var n) > 0) Uid = n;
            else if (Insist) return "unknown user: " + user;
        }
        return null;
    }

    /// Takes -D's uid:gid:gidlist, where an empty or missing part is 0 (or an empty list); false when
    /// it is not of that form.
    public bool SetDefaults(string s)
    {
        Insist = false;
        Uid = Gid = 0;
        Groups = new List<uint>();
        int pos = Ids.Scan(s, 0, out Uid);
        if (pos == 0 && (s.Length == 0 || s[0] != ':')) return false;
        if (pos == s.Length) return true;
        if (s[pos++] != ':') return false;
        if (pos == s.Length) return true;
        int w = Ids.Scan(s, pos, out Gid);
        if (w == 0 && s[pos] != ':') return false;
        pos += w;
        if (pos == s.Length) return true;
        if (s[pos++] != ':') return false;
        if (pos == s.Length) return true;
        return Ids.ScanList(s.Substring(pos), 65536, Groups) > 0;
    }
}
