using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-chown [ -U ] [ -u uid ] [ -g gid ] file — change file's owner and group to numeric ids; -U takes
/// them from $UID and $GID (as s6-envuidgid sets them). An id not given stays as it is.
public sealed class S6Chown : Builtin
{
    public override string Usage => "s6-chown [ -U ] [ -u uid ] [ -g gid ] file";

    public override Outcome Run(Invocation inv)
    {
        int uid = -1, gid = -1;
        var g = new Getopt(inv.Argv, "Uu:g:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'u': uid = Id(arg) ?? throw inv.Usage(); break;
                case 'g': gid = Id(arg) ?? throw inv.Usage(); break;
                case 'U':
                    uid = FromEnvironment(inv, "UID");
                    gid = FromEnvironment(inv, "GID");
                    break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var file = inv.Argv[g.Index];
        int err = Files.Chown(file, uid, gid);
        if (err != 0) throw inv.DieErrno(111, $"unable to chown {file}", err);
        return Outcome.Exit(0);
    }

    /// A whole decimal number that fits an id (the all-ones -1 means "unchanged" to chown).
    static int? Id(string? s) => Numbers.TryUnsigned(s, out var v) && v <= uint.MaxValue ? (int)(uint)v : null;

    static int FromEnvironment(Invocation inv, string name)
    {
        var value = inv.Env.Get(name) ?? throw inv.Die(100, $"{name} not set");
        return Id(value) ?? throw inv.Die(100, $"invalid ${name}");
    }
}
