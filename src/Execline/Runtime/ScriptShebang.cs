using Execline.Native;

namespace Execline.Runtime;

/// An execline script reached by exec is continued in this process: its "#!" line names an interpreter that
/// is this executable, so the kernel's argv rewrite is done here instead.
public static unsafe class ScriptShebang
{
    /// The command line the kernel would build for file, when its interpreter is us; else null.
    public static List<string>? InProcessArgv(string file, IReadOnlyList<string> argv, ProcessState st)
    {
        var path = DescriptorPaths.InProcess(st, file);
        int fd = path == null ? -1 : Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (fd < 0) return null;
        var buf = new byte[256];
        nint n;
        fixed (byte* p = buf) n = Unistd.read(fd, p, buf.Length);
        Unistd.close(fd);
        if (n < 3 || buf[0] != '#' || buf[1] != '!') return null;
        int end = Array.IndexOf(buf, (byte)'\n', 0, (int)n);
        if (end < 0) return null;
        int i = 2;
        while (i < end && (buf[i] == ' ' || buf[i] == '\t')) i++;
        int start = i;
        while (i < end && buf[i] != ' ' && buf[i] != '\t') i++;
        var interp = Text.Bytes.Latin1(buf.AsSpan(start, i - start));
        while (i < end && (buf[i] == ' ' || buf[i] == '\t')) i++;
        int argEnd = end;
        while (argEnd > i && (buf[argEnd - 1] == ' ' || buf[argEnd - 1] == '\t' || buf[argEnd - 1] == '\r')) argEnd--;
        if (interp.Length == 0 || Self.Builtin(interp) == null) return null;
        var result = new List<string> { interp };
        if (argEnd > i) result.Add(Text.Bytes.Latin1(buf.AsSpan(i, argEnd - i)));
        result.Add(file);
        for (int k = 1; k < argv.Count; k++) result.Add(argv[k]);
        return result;
    }
}
