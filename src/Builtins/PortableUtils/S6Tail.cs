using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-tail [ -c chars | -n lines | -1..9 ] [ file ] — the last lines (10 by default) or chars of stdin
/// or file; "+N" starts at line or char N instead. No following.
public sealed class S6Tail : Builtin
{
    public override string Usage => "s6-tail [ -c chars | -n lines | -1..9 ] [ file ]";

    public override Outcome Run(Invocation inv)
    {
        ulong count = 10;
        bool lines = true, fromStart = false, chosen = false;
        var g = new Getopt(inv.Argv, "123456789n:c:");
        while (g.Next(out var c, out var arg))
        {
            if (chosen) throw inv.Usage();
            chosen = true;
            if (c is >= '1' and <= '9') { count = (ulong)(c - '0'); continue; }
            if (c != 'n' && c != 'c') throw inv.Usage();
            lines = c == 'n';
            var number = arg!;
            if (number.StartsWith('-')) number = number[1..];
            else if (number.StartsWith('+')) { number = number[1..]; fromStart = true; }
            if (!Numbers.TryUnsigned(number, out count) || count > uint.MaxValue) throw inv.Usage();
        }
        string name = "stdin";
        int fd = inv.State.Fds.Real(0);
        if (g.Index < inv.Argv.Count)
        {
            name = inv.Argv[g.Index];
            fd = Fcntl.Open(name, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
            if (fd < 0) throw inv.DieErrno(111, $"unable to open {name} for reading", Errno.Value);
        }
        int err = Errno.EBADF;
        var data = fd < 0 ? null : Unistd.ReadAll(fd, out err);
        if (g.Index < inv.Argv.Count) Unistd.close(fd);
        if (data == null) throw inv.DieErrno(111, $"unable to tail {name}", err);
        int start = fromStart ? SkipFirst(data, count, lines) : KeepLast(data, count, lines);
        var output = new Output(inv);
        output.Put(data.AsSpan(start));
        output.Flush();
        return Outcome.Exit(0);
    }

    /// Where output starts for "+N": line or byte N (counting from 1; 0 is 1).
    static int SkipFirst(byte[] data, ulong n, bool lines)
    {
        if (n > 0) n--;
        if (!lines) return (int)Math.Min(n, (ulong)data.Length);
        int pos = 0;
        for (; n > 0 && pos < data.Length; n--)
        {
            int nl = Array.IndexOf(data, (byte)'\n', pos);
            if (nl < 0) return data.Length;
            pos = nl + 1;
        }
        return pos;
    }

    /// Where the last n lines or bytes start. A last line without '\n' counts as a line.
    static int KeepLast(byte[] data, ulong n, bool lines)
    {
        if (!lines) return data.Length - (int)Math.Min(n, (ulong)data.Length);
        if (n == 0) return data.Length;
        int pos = data.Length;
        if (pos > 0 && data[pos - 1] == '\n') pos--;
        for (ulong seen = 0; pos > 0; pos--)
            if (data[pos - 1] == '\n' && ++seen == n) break;
        return pos;
    }
}
