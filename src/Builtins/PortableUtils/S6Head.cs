using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-head [ -S ] [ -1..9 | -n lines | -c chars ] [ file... ] — the first lines (10 by default) or chars
/// of stdin or of each file ("-" is stdin; a "==> file <==" header before each when there are several).
/// -S reads stdin no further than the last line it prints, so the rest is left for the next reader.
public sealed class S6Head : Builtin
{
    public override string Usage => "s6-head [ -S ] [ -1..9 | -n lines | -c chars ] [ file... ]";

    public override Outcome Run(Invocation inv)
    {
        ulong count = 10;
        bool lines = true, exact = false, chosen = false;
        var g = new Getopt(inv.Argv, "S123456789n:c:");
        while (g.Next(out var c, out var arg))
        {
            if (c == 'S') { exact = true; continue; }
            if (chosen) throw inv.Usage();
            chosen = true;
            if (c is >= '1' and <= '9') { lines = true; count = (ulong)(c - '0'); }
            else if ((c == 'n' || c == 'c') && Numbers.TryUnsigned(arg, out count) && count <= uint.MaxValue) lines = c == 'n';
            else throw inv.Usage();
        }
        var files = inv.Rest(g.Index);
        var output = new Output(inv);
        if (files.Count == 0)
        {
            int err = Head(inv.State.Fds.Real(0), count, lines, exact, output);
            if (err != 0) throw inv.DieErrno(111, "unable to head stdin", err);
            return Outcome.Exit(0);
        }
        for (int i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (files.Count >= 2)
            {
                output.Put(i > 0 ? $"\n==> {file} <==\n" : $"==> {file} <==\n");
                output.Flush();
            }
            bool stdin = file == "-";
            int fd = stdin ? inv.State.Fds.Real(0) : Fcntl.Open(file, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
            if (fd < 0) throw inv.DieErrno(111, $"unable to open {file} for reading", stdin ? Errno.EBADF : Errno.Value);
            int err = Head(fd, count, lines, false, output);
            if (!stdin) Unistd.close(fd);
            if (err != 0) throw inv.DieErrno(111, $"unable to head {file}", err);
        }
        return Outcome.Exit(0);
    }

    /// Copies the first count lines or bytes of fd to the output. Returns 0 or an errno.
    static unsafe int Head(int fd, ulong count, bool lines, bool exact, Output output)
    {
        if (fd < 0) return Errno.EBADF;
        var buf = new byte[65536];
        while (count > 0)
        {
            // exactly: never read past what may be printed (one byte per line still wanted, at most)
            int want = (int)Math.Min((ulong)buf.Length, exact || !lines ? count : (ulong)buf.Length);
            nint n;
            fixed (byte* p = buf) n = Unistd.read(fd, p, want);
            if (n < 0)
            {
                int e = Errno.Value;
                if (e == Errno.EINTR) continue;
                return e;
            }
            if (n == 0) break;
            var chunk = buf.AsSpan(0, (int)n);
            if (!lines)
            {
                output.Put(chunk);
                count -= (ulong)n;
                continue;
            }
            int end = 0;
            while (count > 0 && end < chunk.Length)
            {
                int nl = chunk[end..].IndexOf((byte)'\n');
                if (nl < 0) { end = chunk.Length; break; }
                end += nl + 1;
                count--;
            }
            output.Put(chunk[..end]);
        }
        output.Flush();
        return 0;
    }
}
