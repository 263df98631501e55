using Execline.Builtins.Time;
using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-uniquename [ -n randomlen ] prefix — print prefix:@TAI64N:pid:hostname, then ':' and randomlen
/// (default 8) random characters unless randomlen is 0: a name no other process makes at the same time.
public sealed class S6Uniquename : Builtin
{
    public override string Prog => "s6-uniquename";
    public override string Usage => "s6-uniquename [ -n randomlen ] prefix";

    /// The 64 characters a random byte's low six bits pick from, skalibs' file-name-safe set.
    const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz-_0123456789abcdef";

    public override Outcome Run(Invocation inv)
    {
        int length = 8;
        var g = new Getopt(inv.Argv, "n:");
        while (g.Next(out var c, out var arg))
            if (c != 'n' || !Numbers.TryUInt(arg, out length)) throw inv.Usage();
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var host = HostName.Get(out int err) ?? throw inv.DieErrno(111, "unable to make unique name", err);
        var name = $"{inv.Argv[g.Index]}:{Tai64n.Now().Label()}:{Libc.getpid()}:{host}";
        if (length > 0)
        {
            var random = new byte[length];
            System.Security.Cryptography.RandomNumberGenerator.Fill(random);
            name += ":" + string.Concat(random.Select(b => Alphabet[b & 63]));
        }
        Output.Write(inv, name + "\n");
        return Outcome.Exit(0);
    }
}
