using System.Runtime.InteropServices;

namespace Execline.Native;

/// posix_spawn with file actions and attributes: how a program is started without forking the runtime.
public static unsafe partial class Spawn
{
    const string L = Libc.Name;
    [LibraryImport(L)] private static partial int posix_spawn(int* pid, byte* path, void* actions, void* attr, byte** argv, byte** envp);
    [LibraryImport(L)] private static partial int posix_spawn_file_actions_init(void* a);
    [LibraryImport(L)] private static partial int posix_spawn_file_actions_destroy(void* a);
    [LibraryImport(L)] private static partial int posix_spawn_file_actions_adddup2(void* a, int fd, int newfd);
    [LibraryImport(L)] private static partial int posix_spawn_file_actions_addclose(void* a, int fd);
    [LibraryImport(L)] private static partial int posix_spawn_file_actions_addfchdir_np(void* a, int fd);
    [LibraryImport(L)] private static partial int posix_spawnattr_init(void* a);
    [LibraryImport(L)] private static partial int posix_spawnattr_destroy(void* a);
    [LibraryImport(L)] private static partial int posix_spawnattr_setflags(void* a, short flags);
    [LibraryImport(L)] private static partial int posix_spawnattr_setsigmask(void* a, Signal.SigSet* set);
    [LibraryImport(L)] private static partial int posix_spawnattr_setsigdefault(void* a, Signal.SigSet* set);
    [LibraryImport(L)] private static partial int posix_spawnattr_setpgroup(void* a, int pgrp);

    const short SETPGROUP = 0x02, SETSIGDEF = 0x04, SETSIGMASK = 0x08, SETSID = 0x80;

    [LibraryImport("execline-startup", EntryPoint = "execline_spawn_early_return")]
    private static partial nint SpawnEarlyReturn(byte* path, byte** argv, byte** envp, int* from, int* to, int moves,
        int* closes, int ncloses, int chdirFd, int newSession, int pgroup, nint childNofile);

    [LibraryImport("execline-startup", EntryPoint = "execline_spawn_early_return_exec_fd")]
    private static partial int ExecFd(int pid);

    [LibraryImport("execline-startup", EntryPoint = "execline_spawn_early_return_release")]
    private static partial void ReleaseEarlyReturns();

    [LibraryImport("execline-startup", EntryPoint = "execline_spawn_early_return_wait")]
    private static partial void WaitEarlyReturn(int pid);

    /// Until pid, if an early-return spawn started it, has exec'd or ended.
    public static void WaitExec(int pid)
    {
        if (EarlyReturn) WaitEarlyReturn(pid);
    }

    /// A descriptor that reads end of file once the program an early-return spawn started as pid has
    /// exec'd (or ended), the caller's to watch and close; -1 when there is none (another kind of spawn, or
    /// no descriptor to spare: WaitExec then).
    public static int TakeExecFd(int pid) => EarlyReturn ? ExecFd(pid) : -1;

    /// Frees what the early-return spawns of children that have exec'd since were holding (a boot that
    /// starts fifty services would keep it until the next spawn).
    public static void ReleaseExecuted()
    {
        if (EarlyReturn) ReleaseEarlyReturns();
    }

    /// Set by the supervisor: its spawns return as soon as the child exists, not once it has exec'd
    /// (Startup/spawn-early-return.c), so that the services one turn of its loop starts exec side by side
    /// rather than one after the other; it waits for each exec (TakeExecFd, WaitExec) before it says the
    /// service is up.
    /// What would make the exec fail is found beforehand and returned as before; an exec that fails all
    /// the same shows as the child's exit, 127 or 126. Off where the C helper is not linked in (a JIT run
    /// of the tests).
    public static bool EarlyReturn;

    /// Set when this process raised its soft limit on open files (the supervisor does, to hold every
    /// service's descriptors): the soft limit the programs it starts get instead (what it was given), its
    /// own, and the hard limit. posix_spawn copies the limits when it clones, so ours is lowered just
    /// around the clone; an exec lowers it for good.
    public static (ulong Child, ulong Ours, ulong Hard)? OpenFiles;

    /// What the child gets besides argv and envp.
    public sealed class Request
    {
        /// dup2(DupFrom[i], DupTo[i]) in order.
        public readonly List<int> DupFrom = new(), DupTo = new();
        public readonly List<int> Closes = new();
        public int ChdirFd = -1;
        public bool NewSession;
        public int ProcessGroup = -1;
        /// Temporary descriptors of ours that only the spawn needed.
        public readonly List<int> CloseAfter = new();
    }

    /// Starts path; returns the pid, or -errno when the program could not be started.
    public static int Start(string path, IReadOnlyList<string> argv, IReadOnlyList<string> envp, Request req)
    {
        using var a = new CStringArray(argv);
        using var e = new CStringArray(envp);
        return Start(path, a, e, req);
    }

    /// Start with argv and envp already in C form (a PATH walk tries several paths with the same ones).
    public static int Start(string path, CStringArray argv, CStringArray envp, Request req)
    {
        byte* actions = stackalloc byte[256];
        byte* attr = stackalloc byte[512];
        Signal.SigSet sigs;
        posix_spawn_file_actions_init(actions);
        posix_spawnattr_init(attr);
        try
        {
            // The new process may write into a pipe this thread drains, at any time: it needs a reader that waits.
            if (!CapturedPipes.HandOffAll()) return -Errno.EAGAIN;
            if (EarlyReturn && req.ChdirFd < 0 && StartEarly(path, argv, envp, req) is int early) return early;
            // The directory first: a dup2 below may land on the number of its descriptor.
            if (req.ChdirFd >= 0) posix_spawn_file_actions_addfchdir_np(actions, req.ChdirFd);
            for (int i = 0; i < req.DupFrom.Count; i++) posix_spawn_file_actions_adddup2(actions, req.DupFrom[i], req.DupTo[i]);
            foreach (var fd in req.Closes) posix_spawn_file_actions_addclose(actions, fd);
            short flags = SETSIGMASK | SETSIGDEF;
            var bytes = new Span<byte>(&sigs, sizeof(Signal.SigSet));
            bytes.Clear();
            posix_spawnattr_setsigmask(attr, &sigs);
            bytes.Fill(0xff);
            posix_spawnattr_setsigdefault(attr, &sigs);
            if (req.NewSession) flags |= SETSID;
            if (req.ProcessGroup >= 0) { flags |= SETPGROUP; posix_spawnattr_setpgroup(attr, req.ProcessGroup); }
            posix_spawnattr_setflags(attr, flags);
            int pid;
            fixed (byte* p = Libc.C(path))
            {
                if (OpenFiles is { } lowered) SysResource.SetLimit(SysResource.RLIMIT_NOFILE, lowered.Child, lowered.Hard);
                int r = posix_spawn(&pid, p, actions, attr, argv.Pointer, envp.Pointer);
                if (OpenFiles is { } raised) SysResource.SetLimit(SysResource.RLIMIT_NOFILE, raised.Ours, raised.Hard);
                return r == 0 ? pid : -r;
            }
        }
        finally
        {
            posix_spawn_file_actions_destroy(actions);
            posix_spawnattr_destroy(attr);
            foreach (var fd in req.CloseAfter) Unistd.close(fd);
        }
    }

    /// The early-return spawn, or null when it is not there (EarlyReturn goes off).
    static int? StartEarly(string path, CStringArray argv, CStringArray envp, Request req)
    {
        int moves = req.DupFrom.Count, closes = req.Closes.Count;
        int* from = stackalloc int[moves + 1];
        int* to = stackalloc int[moves + 1];
        int* close = stackalloc int[closes + 1];
        for (int i = 0; i < moves; i++) (from[i], to[i]) = (req.DupFrom[i], req.DupTo[i]);
        for (int i = 0; i < closes; i++) close[i] = req.Closes[i];
        try
        {
            fixed (byte* p = Libc.C(path))
            {
                nint r = SpawnEarlyReturn(p, argv.Pointer, envp.Pointer, from, to, moves, close, closes, -1,
                    req.NewSession ? 1 : 0, req.ProcessGroup, OpenFiles is { } limits ? (nint)limits.Child : -1);
                if (r != -Errno.ENOSYS) return (int)r;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        EarlyReturn = false;
        return null;
    }

    /// execve; returns only on failure, with the errno.
    public static int Exec(string path, IReadOnlyList<string> argv, IReadOnlyList<string> envp)
    {
        using var a = new CStringArray(argv);
        using var e = new CStringArray(envp);
        return Exec(path, a, e);
    }

    /// Exec with argv and envp already in C form (a PATH walk tries several paths with the same ones).
    public static int Exec(string path, CStringArray argv, CStringArray envp,
        IReadOnlyList<(int Resource, ulong Soft, ulong Hard)>? limits = null)
    {
        fixed (byte* p = Libc.C(path))
        {
            if (OpenFiles is { } lowered) limits = [(SysResource.RLIMIT_NOFILE, lowered.Child, lowered.Hard), .. limits ?? []];
            if (limits != null && limits.Count > 0)
            {
                // what would make execve fail is found out before the limits make failing fatal
                if (Unistd.access(p, Unistd.X_OK) < 0) return Errno.Value;
                // Under a lowered address space limit the runtime can no longer map code, so the execve
                // stub is compiled first (execve of NULL fails at once with EFAULT) and nothing new runs
                // between the limits and the exec.
                Unistd.execve(null, null, null);
                foreach (var (resource, soft, hard) in limits) SysResource.SetLimit(resource, soft, hard);
            }
            Unistd.execve(p, argv.Pointer, envp.Pointer);
            int err = Errno.Value;
            if (OpenFiles is { } raised) SysResource.SetLimit(SysResource.RLIMIT_NOFILE, raised.Ours, raised.Hard);
            return err;
        }
    }
}

/// Byte strings that can be copied out without becoming strings first (a parsed script's words).
public interface IByteStrings : IReadOnlyList<string>
{
    int ByteLength(int index);
    void CopyBytes(int index, Span<byte> to);
}

/// A NULL-terminated array of NUL-terminated byte strings in unmanaged memory: the pointers, then the
/// strings, in one block (one allocation, however many words a command line has).
public sealed unsafe class CStringArray : IDisposable
{
    public readonly byte** Pointer;

    public CStringArray(IReadOnlyList<string> items)
    {
        int count = items.Count;
        nuint bytes = (nuint)(count + 1) * (nuint)sizeof(byte*);
        var direct = items as IByteStrings;
        for (int i = 0; i < count; i++) bytes += (nuint)(direct?.ByteLength(i) ?? items[i].Length) + 1;
        Pointer = (byte**)NativeMemory.Alloc(bytes);
        var p = (byte*)(Pointer + count + 1);
        for (int i = 0; i < count; i++)
        {
            Pointer[i] = p;
            int n;
            if (direct != null)
            {
                n = direct.ByteLength(i);
                direct.CopyBytes(i, new Span<byte>(p, n));
            }
            else
            {
                var s = items[i];
                n = s.Length;
                for (int j = 0; j < n; j++) p[j] = (byte)s[j];
            }
            p[n] = 0;
            p += n + 1;
        }
        Pointer[count] = null;
    }

    public void Dispose() => NativeMemory.Free(Pointer);
}
