namespace Execline.S6;

/// One line of an s6-overlay v2 fix-attrs.d file: `path recurse account fmode dmode`. path is a glob,
/// recurse "true" descends into directories, account is user, user:group or either followed by
/// ",uid:gid" whose parts stand in for names that are not found, a mode is octal or "-" (left alone).
/// Shared by fix-attrs, which applies the rules, and execline-cs check, which reports bad lines.
public sealed record FixAttrsRule(string Pattern, string Recurse, string Account, string Fallback, int FileMode, int DirMode)
{
    /// The rule a line holds, or null with what is wrong with it (in fix-attrs' words).
    public static FixAttrsRule? Parse(string line, out string? error)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        error = null;
        if (fields.Length != 5)
        {
            error = $"{fields.Length} fields instead of 5 (path recurse account fmode dmode)";
            return null;
        }
        var (pattern, recurse, account, fmode, dmode) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (!TryMode(fmode, out int fileMode)) error = "invalid file mode: " + fmode;
        else if (!TryMode(dmode, out int dirMode)) error = "invalid directory mode: " + dmode;
        else
        {
            int comma = account.IndexOf(',');
            var name = comma < 0 ? account : account.Substring(0, comma);
            var fallback = comma < 0 ? "" : account.Substring(comma + 1);
            int nextComma = fallback.IndexOf(',');
            if (nextComma >= 0) fallback = fallback.Substring(0, nextComma);
            if (fallback.Length > 0 && !new UidGidQuery().SetDefaults(fallback)) error = "invalid fallback uid:gid: " + fallback;
            else return new FixAttrsRule(pattern, recurse, name, fallback, fileMode, dirMode);
        }
        return null;
    }

    /// An absolute octal mode, or "-" (-1: no change).
    static bool TryMode(string s, out int mode)
    {
        mode = -1;
        if (s == "-") return true;
        if (!Octal.ScanFull(s, out var m)) return false;
        mode = (int)(m & Native.SysStat.ALLPERMS);
        return true;
    }
}
