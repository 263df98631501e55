using Execline.Builtins.PortableUtils;
using Execline.Native;
using Execline.Rc;
using Execline.Rc.Compile;
using Execline.Rc.Sources;
using Execline.S6;

namespace Execline.Builtins.Rc;

/// COMPILED/servicedirs: a service directory per longrun, made from its definition directory the way
/// s6-rc-compile makes it (the files s6-supervise reads copied or rewritten, data/, env/ and template/
/// copied whole, nothing else: no log/, no down). Unlike s6-rc's, run and finish are the definition's own
/// for a pipelined longrun too (s6-rc wraps them to fetch the pipes from its fd holder; here the
/// supervisor joins the pipeline from the producer-for/consumer-for files s6-rc-init writes into the live
/// copies), and the two internal longruns' directories are
/// empty: oneshots run in the runner's, and neither is a process of its own.
sealed class ServiceDirWriter(string compiled, CompiledSources sources, CompileLog log)
{
    const int Executable = SysStat.Mode0755, Readable = SysStat.Mode0644, Created = SysStat.Mode0666;

    readonly string _root = $"{compiled}/servicedirs";

    public void WriteAll()
    {
        Mkdir(_root);
        var services = sources.Database.Services;
        for (int i = 0; i < sources.Database.LongrunCount; i++)
        {
            string dst = $"{_root}/{services[i].Name}";
            Mkdir(dst);
            if (sources.LongrunDefinitions[i] is { } src) Write(services[i].Name, src, dst);
        }
    }

    void Write(string name, DefinitionFiles src, string dst)
    {
        if (src.Readable("finish")) Copy(src.PathOf("finish"), $"{dst}/finish", Executable);
        Copy(src.PathOf("run"), $"{dst}/run", Executable);
        uint notification = 0;
        if (CopyNumber(src, dst, "notification-fd") is { } fd)
        {
            if (fd < 3) log.Warn($"longrun {name} has a notification-fd of {fd}");
            else notification = fd;
        }
        if (CopyNumber(src, dst, "lock-fd") is { } lockFd)
        {
            if (lockFd < 3) log.Warn($"longrun {name} has a lock-fd of {lockFd}");
            else if (lockFd == notification) throw new RcError(1, $"longrun {name} has the same value for notification-fd and lock-fd");
        }
        CopyNumber(src, dst, "timeout-kill");
        CopyEmpty(src, dst, "flag-timeout-killpg");
        CopyNumber(src, dst, "timeout-finish");
        CopyNumber(src, dst, "max-death-tally");
        CopyIfThere(src, dst, "down-signal");
        CopyIfThere(src, dst, "reload-signal");
        CopyIfThere(src, dst, "crash-loop"); // ours, not s6-rc's: the supervisor's crash-loop policy
        CopyEmpty(src, dst, "flag-newpidns");
        if (CopyDirectory(src, dst, "template"))
        {
            Mkdir($"{dst}/instances");
            Mkdir($"{dst}/instance");
        }
        CopyDirectory(src, dst, "data");
        CopyDirectory(src, dst, "env");
    }

    static void Mkdir(string path)
    {
        int err = Files.Mkdir(path, Executable);
        if (err != 0) throw new RcError(111, $"unable to mkdir {path}", err);
    }

    /// from's bytes into a new file to (mode less the umask); 0 or an errno.
    static int TryCopy(string from, string to, int mode)
    {
        int src = Fcntl.Open(from, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (src < 0) return Errno.Value;
        int dst = Fcntl.Open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, mode);
        int err = dst < 0 ? Errno.Value : Tree.Pump(src, dst);
        if (dst >= 0) Unistd.close(dst);
        Unistd.close(src);
        return err;
    }

    static void Copy(string from, string to, int mode)
    {
        int err = TryCopy(from, to, mode);
        if (err != 0) throw new RcError(111, $"unable to copy {from} to {to}", err);
    }

    /// A file s6-supervise reads verbatim (down-signal, reload-signal): copied when it is there, no
    /// error when it is not, nor when it cannot be read.
    static void CopyIfThere(DefinitionFiles src, string dst, string file)
    {
        if (src.MayHold(file)) TryCopy(src.PathOf(file), $"{dst}/{file}", Readable);
    }

    /// A number s6-supervise reads (a descriptor, milliseconds, a count), rewritten as digits and a newline
    /// when the definition has it: its first line, at most 11 bytes read, must be all digits within 32
    /// bits. Null when the file is absent.
    static uint? CopyNumber(DefinitionFiles src, string dst, string file)
    {
        string from = src.PathOf(file), to = $"{dst}/{file}";
        var data = src.ReadPrefix(file, 11, out int errno);
        if (data == null)
        {
            if (errno == Errno.ENOENT) return null;
            throw new RcError(111, $"unable to read {from}", errno);
        }
        int end = Array.IndexOf(data, (byte)'\n');
        if (end < 0) end = data.Length;
        int nul = Array.IndexOf(data, (byte)0, 0, end);
        if (nul >= 0) end = nul;
        if (!TryScan(data.AsSpan(0, end), out uint value, out errno)) throw new RcError(111, $"unable to read {from}", errno);
        int fd = Fcntl.Open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, Created);
        int err = fd < 0 ? Errno.Value : Unistd.WriteAll(fd, Text.Bytes.ToBytes($"{value}\n"));
        if (fd >= 0) Unistd.close(fd);
        if (err != 0) throw new RcError(111, $"unable to write to {to}", err);
        err = Files.Chmod(to, Readable);
        if (err != 0) throw new RcError(111, $"unable to set permissions on {to}", err);
        return value;
    }

    /// skalibs' uint0_scan: one or more digits and nothing after them; a number too large for 32 bits is
    /// ERANGE, anything else EINVAL.
    static bool TryScan(ReadOnlySpan<byte> s, out uint value, out int errno)
    {
        value = 0;
        int i = 0;
        for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
        {
            uint digit = (uint)(s[i] - '0');
            if (value > (uint.MaxValue - digit) / 10) break;
            value = value * 10 + digit;
        }
        errno = i == 0 ? Errno.EINVAL : i == s.Length ? 0 : s[i] >= '0' && s[i] <= '9' ? Errno.ERANGE : Errno.EINVAL;
        return errno == 0;
    }

    /// A flag s6-supervise tests the presence of: an empty file when the definition has one.
    static void CopyEmpty(DefinitionFiles src, string dst, string file)
    {
        string from = src.PathOf(file), to = $"{dst}/{file}";
        if (!(src.Exists(file, out int errno) ?? throw new RcError(111, $"unable to access {from}", errno))) return;
        int fd = Fcntl.Open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, Created);
        if (fd < 0) throw new RcError(111, $"unable to create {to}", Errno.Value);
        Unistd.close(fd);
    }

    /// A directory copied whole (links inside it as links) when the definition has one; true when it did.
    static bool CopyDirectory(DefinitionFiles src, string dst, string dir)
    {
        if (!src.MayHold(dir)) return false;
        string from = src.PathOf(dir), to = $"{dst}/{dir}";
        var st = Files.Stat(from, out int err);
        if (st is not { } s)
        {
            if (err == Errno.ENOENT) return false;
            throw new RcError(111, $"unable to stat {from}", err);
        }
        if (!Files.IsType(s, SysStat.S_IFDIR)) throw new RcError(1, $"{from} is not a directory");
        err = Tree.Copy(from, to);
        if (err != 0) throw new RcError(111, $"unable to recursively copy {from} to {to}", err);
        return true;
    }
}
