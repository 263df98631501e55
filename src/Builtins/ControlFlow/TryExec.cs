using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// tryexec [ -n ] [ -c ] [ -l ] [ -a argv0 ] { command... } remainder... — become the block (with exec's
/// -c -l -a), or the remainder when that cannot be executed. -n swaps the two.
public sealed class TryExec : Builtin
{

    public override string Usage => "tryexec [ -n ] [ -c ] [ -l ] [ -a argv0 ] { command... } remainder...";

    public override Outcome Run(Invocation inv)
    {
        bool not = false, clear = false, dash = false;
        string? argv0 = null;
        var g = new Getopt(inv.Argv, "ncla:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': not = true; break;
                case 'c': clear = true; break;
                case 'l': dash = true; break;
                case 'a': argv0 = arg; break;
                default: throw inv.Usage();
            }
        }
        int end = Block.Read(inv, inv.Argv, g.Index, out var block);
        if (end < 0) throw inv.Die(100, "unterminated block");
        if (block.Count == 0) throw inv.Die(100, "empty block");
        var rest = inv.Rest(end + 1);
        if (not && rest.Count == 0) throw inv.Die(100, "empty remainder not allowed with -n");
        var first = not ? rest : block;
        var fallback = not ? block : rest;

        var program = first[0];
        if (!CanExec(inv, program)) return Outcome.Exec(fallback);
        var argv = new List<string>(first);
        argv[0] = Exec.Rename(program, argv0, dash);
        if (clear) inv.Env.Clear();
        return Outcome.Exec(argv, program);
    }

    /// Whether execvp of name would succeed: our own commands always do; a file needs to be an executable
    /// regular file the kernel can start (a binary or a script whose interpreter exists).
    static bool CanExec(Invocation inv, string name)
    {
        if (Self.Builtin(name) != null) return true;
        return ProgramLookup.Walk(name, inv.Env.Get("PATH"), c => Attempt(DescriptorPaths.InProcess(inv.State, c))) == 0;
    }

    static int Attempt(string? file)
    {
        if (file == null) return Errno.ENOENT;
        if (SysStat.StatPath(file, out var st) != 0) return Errno.Value;
        if ((st.Mode & SysStat.S_IFMT) != SysStat.S_IFREG || Unistd.Access(file, Unistd.X_OK) != 0) return Errno.EACCES;
        return Interpretable(file) ? 0 : Errno.ENOEXEC;
    }

    /// An ELF binary, or a "#!" script whose interpreter can itself be executed.
    static bool Interpretable(string file)
    {
        int fd = Fcntl.Open(file, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (fd < 0) return false;
        var head = new byte[256];
        int n;
        unsafe
        {
            fixed (byte* p = head) n = (int)Unistd.read(fd, p, head.Length);
        }
        Unistd.close(fd);
        if (n < 0) return false;
        head = head[..n];
        if (head.Length >= 4 && head[0] == 0x7f && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F')
            return true;
        if (head.Length < 2 || head[0] != (byte)'#' || head[1] != (byte)'!') return false;
        int i = 2;
        while (i < head.Length && (head[i] == ' ' || head[i] == '\t')) i++;
        int start = i;
        while (i < head.Length && head[i] != ' ' && head[i] != '\t' && head[i] != '\n') i++;
        if (i == start) return false;
        var interpreter = Execline.Text.Bytes.Latin1(head.AsSpan(start, i - start));
        return SysStat.StatPath(interpreter, out var st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFREG
            && Unistd.Access(interpreter, Unistd.X_OK) == 0;
    }
}
