using Execline.Native;

namespace Execline.S6;

/// One line of /etc/passwd that matters here.
public readonly record struct User(string Name, uint Uid, uint Gid, string Home);

/// User and group lookups straight from /etc/passwd and /etc/group: a busybox or distroless image has no
/// NSS modules, and these two files are what every such image carries. The first matching line wins, as
/// with the files backend of getpwnam/getgrnam.
public static class Accounts
{
    const string PasswdFile = "/etc/passwd";
    const string GroupFile = "/etc/group";

    public static User? FindUser(string name)
    {
        foreach (var f in Lines(PasswdFile))
        {
            // name:password:uid:gid:gecos:home:shell
            if (f.Length < 6 || f[0] != name) continue;
            if (!Ids.TryFull(f[2], out var uid) || !Ids.TryFull(f[3], out var gid)) continue;
            return new User(f[0], uid, gid, f[5]);
        }
        return null;
    }

    public static uint? FindGroup(string name)
    {
        foreach (var f in Lines(GroupFile))
        {
            // name:password:gid:member,member...
            if (f.Length < 3 || f[0] != name) continue;
            if (Ids.TryFull(f[2], out var gid)) return gid;
        }
        return null;
    }

    /// The name of the first user with that uid, or null.
    public static string? UserName(uint uid)
    {
        foreach (var f in Lines(PasswdFile))
            if (f.Length >= 6 && Ids.TryFull(f[2], out var id) && id == uid) return f[0];
        return null;
    }

    /// The name of the first group with that gid, or null.
    public static string? GroupName(uint gid)
    {
        foreach (var f in Lines(GroupFile))
            if (f.Length >= 3 && Ids.TryFull(f[2], out var id) && id == gid) return f[0];
        return null;
    }

    /// The gids of every group listing user as a member, in file order.
    public static List<uint> SupplementaryGroups(string user)
    {
        var gids = new List<uint>();
        foreach (var f in Lines(GroupFile))
        {
            if (f.Length < 4 || !Ids.TryFull(f[2], out var gid)) continue;
            if (Array.IndexOf(f[3].Split(','), user) >= 0) gids.Add(gid);
        }
        return gids;
    }

    static IEnumerable<string[]> Lines(string path)
    {
        var data = Unistd.ReadFile(path);
        if (data == null) yield break;
        foreach (var line in Text.Bytes.Latin1(data).Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split(':');
        }
    }
}
