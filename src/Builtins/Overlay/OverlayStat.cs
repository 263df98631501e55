using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// s6-overlay-stat path — prints path's owner, group and mode (following links) as shell assignments for
/// s6-overlay v3's preinit to eval: uid=, user=, gid=, group= (names empty when unknown), perms= the set
/// mode bits low to high as two-letter tokens.
public sealed class OverlayStat : Builtin
{
    public override string Usage => "s6-overlay-stat path";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        var path = inv.Argv[1];
        var st = Files.Stat(path, out int err);
        if (st == null) throw inv.DieErrno(111, "unable to stat " + path, err);
        var s = st.Value;
        var text = $"uid={s.Uid}\nuser={Accounts.UserName(s.Uid)}\ngid={s.Gid}\ngroup={Accounts.GroupName(s.Gid)}\nperms={Perms(s.Mode)}\n";
        int e = inv.Write(1, text);
        if (e != 0) throw inv.DieErrno(111, "unable to write to stdout", e);
        return Outcome.Exit(0);
    }

    const string Tokens = "oxoworgxgwgruxuwurosgsus";

    /// 0755 is oxorgxgruxuwur, 1777 oxoworgxgwgruxuwuros.
    public static string Perms(uint mode)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 12; i++)
            if ((mode & (1u << i)) != 0) sb.Append(Tokens, i * 2, 2);
        return sb.ToString();
    }
}
