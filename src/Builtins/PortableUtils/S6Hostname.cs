using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-hostname [ hostname ] — print the host name, or set it.
public sealed class S6Hostname : Builtin
{
    public override string Usage => "s6-hostname [ hostname ]";

    public override Outcome Run(Invocation inv)
    {
        int err;
        if (inv.Argv.Count >= 2)
        {
            err = HostName.Set(inv.Argv[1]);
            if (err != 0) throw inv.DieErrno(111, "unable to set hostname", err);
            return Outcome.Exit(0);
        }
        var name = HostName.Get(out err) ?? throw inv.DieErrno(111, "unable to get hostname", err);
        Output.Write(inv, name + "\n");
        return Outcome.Exit(0);
    }
}
