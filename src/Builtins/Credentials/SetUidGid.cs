using Execline.Runtime;

namespace Execline.Builtins.Credentials;

/// s6-setuidgid account prog... — run prog as account: "uid:gid" becomes s6-applyuidgid with an empty
/// group list, a name becomes s6-envuidgid then s6-applyuidgid -Uz, an empty account changes nothing.
public sealed class SetUidGid : Builtin
{
    public override string Usage => "s6-setuidgid username prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3) throw inv.Usage();
        var account = inv.Argv[1];
        var prog = inv.Rest(2);
        if (account.Length == 0) return Outcome.Exec(prog);
        int colon = account.IndexOf(':');
        var argv = colon >= 0
            ? new List<string> { "s6-applyuidgid", "-u", account.Substring(0, colon), "-g", account.Substring(colon + 1), "-G", "" }
            : new List<string> { "s6-envuidgid", account, "s6-applyuidgid", "-Uz" };
        argv.Add("--");
        argv.AddRange(prog);
        return Outcome.Exec(argv);
    }
}
