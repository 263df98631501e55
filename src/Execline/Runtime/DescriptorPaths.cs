using Execline.Native;

namespace Execline.Runtime;

/// Paths that name a descriptor of the process itself (/dev/fd/N, /proc/self/fd/N, /dev/stdin, ...). The
/// kernel resolves them against our real descriptors, which are not the script's: the runtime keeps its
/// own (close-on-exec, /dev/urandom often on fd 3) and the script's numbers stand on other real ones while
/// its builtins run here. So a path opened or exec'd for the script goes through the modelled table: a
/// number the script does not have is ENOENT, as it is under execline, and one it has leads to its file.
public static class DescriptorPaths
{

    /// The path to open or stat in this process for st: the same path with the real descriptor's number;
    /// null when st has no such descriptor. Any other path is returned as it is.
    public static string? InProcess(ProcessState st, string path)
    {
        if (!Parse(path, out var prefix, out int fd, out var rest)) return path;
        int real = st.Fds.Real(fd);
        if (real < 0) return null;
        return real == fd ? path : (prefix ?? "/proc/self/fd/") + real + rest;
    }

    /// The path for a program started with st's table (spawned, or exec'd once the table is applied),
    /// where each number is the modelled one: null when st has no such descriptor.
    public static string? InChild(ProcessState st, string path)
    {
        if (!Parse(path, out var prefix, out int fd, out var rest)) return path;
        if (!st.Fds.IsOpen(fd)) return null;
        // "/proc/PID/" named our pid; a spawned child has its own.
        return prefix != null && prefix.StartsWith("/proc/", StringComparison.Ordinal) ? "/proc/self/fd/" + fd + rest : path;
    }

    /// Splits a path naming a descriptor into the text before the number (null for /dev/stdin, /dev/stdout and
    /// /dev/stderr), the number and what follows it ("" or "/...").
    static bool Parse(string path, out string? prefix, out int fd, out string rest)
    {
        prefix = null;
        fd = -1;
        rest = "";
        switch (path)
        {
            case "/dev/stdin": fd = 0; return true;
            case "/dev/stdout": fd = 1; return true;
            case "/dev/stderr": fd = 2; return true;
        }
        if (path.StartsWith("/dev/fd/", StringComparison.Ordinal)) prefix = "/dev/fd/";
        else if (path.StartsWith("/proc/self/fd/", StringComparison.Ordinal)) prefix = "/proc/self/fd/";
        else if (path.StartsWith("/proc/thread-self/fd/", StringComparison.Ordinal)) prefix = "/proc/thread-self/fd/";
        else if (path.StartsWith("/proc/", StringComparison.Ordinal))
        {
            var own = "/proc/" + Unistd.getpid() + "/fd/";
            if (!path.StartsWith(own, StringComparison.Ordinal)) return false;
            prefix = own;
        }
        else return false;
        int i = prefix.Length, end = path.IndexOf('/', i);
        if (end < 0) end = path.Length;
        // The kernel's own spelling only: digits, no leading zero (it finds nothing for "03" either).
        var digits = path.AsSpan(i, end - i);
        if (digits.Length == 0 || digits.Length > 9 || (digits[0] == '0' && digits.Length > 1)) return false;
        foreach (var ch in digits)
            if (ch < '0' || ch > '9') return false;
        fd = int.Parse(digits);
        rest = path.Substring(end);
        return true;
    }
}
