using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Logging;

/// The loop of the line filters: read stdin, hand each line (with its newline, if it has one) to a
/// rewrite, and write the results before reading again.
static class LineFilter
{
    public static unsafe Outcome Run(Invocation inv, Func<List<byte>, byte[]> rewrite)
    {
        int input = inv.State.Fds.Real(0), output = inv.State.Fds.Real(1);
        var buf = new byte[8192];
        var line = new List<byte>();
        var pending = new List<byte>();
        while (true)
        {
            nint n;
            fixed (byte* p = buf) n = Unistd.read(input, p, buf.Length);
            if (n < 0)
            {
                if (Errno.Value == Errno.EINTR) continue;
                throw inv.DieErrno(111, "unable to read from stdin", Errno.Value);
            }
            if (n == 0)
            {
                if (line.Count > 0) pending.AddRange(rewrite(line));
                Flush(inv, output, pending);
                return Outcome.Exit(0);
            }
            foreach (var b in buf.AsSpan(0, (int)n))
            {
                line.Add(b);
                if (b != '\n') continue;
                pending.AddRange(rewrite(line));
                line.Clear();
            }
            Flush(inv, output, pending);
        }
    }

    static void Flush(Invocation inv, int output, List<byte> pending)
    {
        if (pending.Count == 0) return;
        int e = Unistd.WriteAll(output, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending));
        if (e != 0) throw inv.DieErrno(111, "unable to write to stdout", e);
        pending.Clear();
    }
}
