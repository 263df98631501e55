using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-uniquename [ -n randomlen ] prefix — print prefix:@TAI64N:pid:hostname, then ':' and randomlen
/// (default 8) random characters unless randomlen is 0: a name no other process makes at the same time.
public sealed class S6Uniquename : Builtin
{
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
        var name = $"{inv.Argv[g.Index]}:{Tai64n.Now().Label()}:{Unistd.getpid()}:{host}";
        if (length > 0)
        {
            var random = RandomBytes(length) ?? throw inv.DieErrno(111, "unable to make unique name", Errno.Value);
            name += ":" + string.Concat(random.Select(b => Alphabet[b & 63]));
        }
        Output.Write(inv, name + "\n");
        return Outcome.Exit(0);
    }

    /// Bytes from the kernel's random source (getrandom), or null.
    static unsafe byte[]? RandomBytes(int count)
    {
        var buf = new byte[count];
        fixed (byte* p = buf)
            for (int got = 0; got < count;)
            {
                nint n = SysRandom.getrandom(p + got, count - got, 0);
                if (n < 0 && Errno.Value != Errno.EINTR) return null;
                if (n > 0) got += (int)n;
            }
        return buf;
    }
}
