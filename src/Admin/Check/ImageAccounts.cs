namespace Execline.Admin.Check;

/// The user and group names of the image, from its own /etc/passwd and /etc/group (not the host's).
sealed class ImageAccounts(ImageRoot root)
{
    readonly HashSet<string> _users = Names(root, "/etc/passwd"), _groups = Names(root, "/etc/group");

    static HashSet<string> Names(ImageRoot root, string file) =>
        root.Read(file) is { } data
            ? Text.Bytes.Latin1(data).Split('\n').Where(l => l.Contains(':')).Select(l => l[..l.IndexOf(':')]).ToHashSet()
            : [];

    /// What fix-attrs would not find of an account: "user X" or "group X", or null. In user:group either
    /// part may be a number, as there.
    public string? Unknown(string account)
    {
        int colon = account.IndexOf(':');
        if (colon < 0) return _users.Contains(account) ? null : "user " + account;
        string user = account[..colon], group = account[(colon + 1)..];
        if (user.Length > 0 && !_users.Contains(user) && !Numeric(user)) return "user " + user;
        if (group.Length > 0 && !_groups.Contains(group) && !Numeric(group)) return "group " + group;
        return null;
    }

    static bool Numeric(string s) => s.All(char.IsAsciiDigit);
}
