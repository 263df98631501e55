using Execline.Native;
using Execline.Runtime;
using Execline.S6;
using Execline.Text;

namespace Execline.Builtins.Loops;

/// heredoc [ -d ] fd string command...
/// Runs command with fd reading string from a pipe.
public sealed class Heredoc : Builtin
{
    public override string Usage => "heredoc [ -d ] fd string command...";

    public override Outcome Run(Invocation inv)
    {
        bool detach = false;
        var g = new Getopt(inv.Argv, "d");
        while (g.Next(out var c, out _))
        {
            if (c == 'd') detach = true;
            else throw inv.Usage();
        }
        int i = g.Index;
        if (inv.Argv.Count - i < 3 || !FdOps.TryFd(inv.Argv[i], out var fd)) throw inv.Usage();
        var (r, w) = Unistd.Pipe();
        if (r < 0) throw inv.DieErrno(111, "unable to pipe", Errno.Value);
        var text = inv.Argv[i + 1];
        int nul = text.IndexOf('\0');
        int err = Feed(inv, w, Bytes.ToBytes(nul < 0 ? text : text.Substring(0, nul)), detach);
        Unistd.close(w);
        if (err != 0)
        {
            Unistd.close(r);
            throw inv.DieErrno(111, detach ? "unable to doublefork" : "unable to fork", err);
        }
        if (!FdOps.Fits(fd))
        {
            Unistd.close(r);
            throw inv.DieErrno(111, $"unable to read on fd {inv.Argv[i]}", Errno.EBADF);
        }
        FdOps.Place(inv.State, (int)fd, inv.State.Own(r));
        return Outcome.Exec(inv.Rest(i + 2));
    }

    const int F_GETPIPE_SZ = 1032, PipeDefault = 65536;

    /// Puts data into the pipe without ever blocking: directly when the pipe can hold it all (upstream's
    /// forked writer would have been done before anyone read), else from a writer process of ours.
    static int Feed(Invocation inv, int w, byte[] data, bool detach)
    {
        if (data.Length <= PipeDefault || Fcntl.fcntl(w, Fcntl.F_SETPIPE_SZ, data.Length) >= data.Length)
        {
            Unistd.WriteAll(w, data);
            return 0;
        }
        int mem = SysMman.MemoryFile("heredoc", data);
        if (mem < 0) return Errno.Value;
        var st = inv.State.Clone();
        st.Fds.Set(0, mem);
        st.Fds.Set(1, w);
        IReadOnlyList<string> writer = [HeredocChild.Name];
        int pid = detach ? DoubleFork.Spawn(inv, writer, st, HeredocChild.Name) : inv.SpawnBlock(writer, st);
        Unistd.close(mem);
        return pid < 0 ? -pid : 0;
    }
}
