using Execline.Native;

namespace Execline.Runtime;

/// The chain loop: a command line is run builtin after builtin in this process, on one process state,
/// until it ends or reaches a real program. In tail position that program replaces this process; in a
/// block it is spawned and waited for; in a concurrent block it is spawned and left running.
public static class Chain
{
    /// Where the loop stands: the command line, the name to look up for it, who exec'd into it, and the
    /// PATH of the process that did (execline looks programs up in the exec'ing process's PATH).
    sealed class Cursor
    {
        public IReadOnlyList<string> Argv = Array.Empty<string>();
        public string? Program;
        public string Execer = "execlineb";
        public string? LookupPath;
        public bool RanBuiltin;
        /// True when the chain is this process's remaining life (RunTail), not a block run in-process.
        public bool OwnsProcess;
        public string Name => Program ?? Argv[0];
    }

    enum Stop { Exit, External, NeedsOwnProcess }

    static Stop Advance(Cursor c, ProcessState st, bool eagerOnly, out int code)
    {
        code = 0;
        while (true)
        {
            if (c.Argv.Count == 0) return Stop.Exit;
            var b = Self.Builtin(c.Name);
            if (b == null)
            {
                RealProcess.Sync(st);
                var file = ProgramLookup.FirstExecutable(c.Name, c.LookupPath, st);
                var script = file == null ? null : ScriptShebang.InProcessArgv(file, c.Argv, st);
                if (script == null) return Stop.External;
                c.Argv = script;
                c.Program = null;
                continue;
            }
            if (eagerOnly && (b.Needs & Needs.Eager) == 0) return Stop.NeedsOwnProcess;
            var path = st.Env.Get("PATH");
            var inv = new Invocation(b, c.Argv, st) { OwnsProcess = c.OwnsProcess };
            Outcome outcome;
            try
            {
                outcome = Run(b, inv);
            }
            catch (Fatal f)
            {
                if (eagerOnly) return Stop.NeedsOwnProcess;
                inv.WriteErr(f.Line + "\n");
                code = f.Code;
                return Stop.Exit;
            }
            if (outcome.IsExit)
            {
                code = outcome.Code;
                return eagerOnly ? Stop.NeedsOwnProcess : Stop.Exit;
            }
            c.RanBuiltin = true;
            c.Argv = outcome.Argv!;
            c.Program = outcome.Program;
            c.Execer = b.Prog;
            c.LookupPath = path;
        }
    }

    /// Runs a builtin with what it declared it needs.
    static Outcome Run(Builtin b, Invocation inv)
    {
        if ((b.Needs & Needs.OwnProcess) != 0 && !inv.OwnsProcess) return inv.RerunInOwnProcess();
        if ((b.Needs & Needs.Files) != 0) RealProcess.Sync(inv.State);
        return b.Run(inv);
    }

    static Cursor Start(IReadOnlyList<string> argv, ProcessState st, string execer) =>
        new() { Argv = argv, Execer = execer, LookupPath = st.Env.Get("PATH") };

    /// Runs argv as this process's remaining life. Returns the exit code when it ends without exec.
    public static int RunTail(IReadOnlyList<string> argv, ProcessState st, string execer, string? program = null)
    {
        var c = Start(argv, st, execer);
        c.Program = program;
        c.OwnsProcess = true;
        if (Advance(c, st, false, out int code) == Stop.Exit) return code;
        RealProcess.Apply(st);
        int err;
        using (var args = new CStringArray(c.Argv))
        using (var envp = new CStringArray(st.Env.Entries))
            err = ProgramLookup.Walk(c.Name, c.LookupPath, file =>
                DescriptorPaths.InChild(st, file) is { } path ? Spawn.Exec(path, args, envp, st.ExecLimits) : Errno.ENOENT);
        WriteFatal(st, $"{c.Execer}: fatal: unable to exec {c.Name}: {Errno.StrError(err)}");
        return ProgramLookup.ExitCodeFor(err);
    }

    /// Runs a block to its end on st (a copy the caller hands over) and reports how it ended. With a
    /// reader, the block's output goes to a pipe that the reader drains meanwhile.
    public static BlockResult RunBlock(IReadOnlyList<string> argv, ProcessState st, string execer, IOutputReader? reader = null)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            return DeepStack.Run(() => RunBlockHere(argv, st, execer, reader), (code, why) =>
            {
                WriteFatal(st, $"{execer}: fatal: {why}");
                st.ReleaseOwned();
                return BlockResult.Done(WaitStatus.Exited(code));
            });
        return RunBlockHere(argv, st, execer, reader);
    }

    static BlockResult RunBlockHere(IReadOnlyList<string> argv, ProcessState st, string execer, IOutputReader? reader)
    {
        try
        {
            var c = Start(argv, st, execer);
            // execline forks before anything of the block runs: a thread we cannot start stands for that fork.
            if (reader != null && Advance(c, st, true, out _) == Stop.NeedsOwnProcess && !reader.CaptureHere())
                return BlockResult.NotStarted(Errno.EAGAIN, argv[0]);
            if (Advance(c, st, false, out int code) == Stop.Exit) return BlockResult.Done(WaitStatus.Exited(code));
            int pid = SpawnExternal(c, st, out int err);
            if (pid > 0)
            {
                if (reader != null)
                {
                    st.ReleaseOwned();
                    reader.ReadHere();
                }
                return BlockResult.Done(Children.Wait(pid));
            }
            // No process could be made (RLIMIT_NPROC): where execline's fork fails, before the block's first word.
            if (err == Errno.EAGAIN) return BlockResult.NotStarted(err, argv[0]);
            if (!c.RanBuiltin) return BlockResult.NotStarted(err, c.Name);
            WriteFatal(st, $"{c.Execer}: fatal: unable to exec {c.Name}: {Errno.StrError(err)}");
            return BlockResult.Done(WaitStatus.Exited(ProgramLookup.ExitCodeFor(err)));
        }
        finally
        {
            st.ReleaseOwned();
        }
    }

    /// Starts a block that runs alongside the rest of the chain. The state transforms at its head run
    /// here; anything that would have to wait or do I/O runs in a process of ours. Returns pid or -errno.
    public static int SpawnBlock(IReadOnlyList<string> argv, ProcessState st)
    {
        var original = st.Clone();
        try
        {
            var c = Start(argv, st, "");
            var stop = Advance(c, st, true, out _);
            if (stop == Stop.External)
            {
                int pid = SpawnExternal(c, st, out int err);
                if (pid > 0 || !c.RanBuiltin) return pid > 0 ? pid : -err;
                return SpawnSelf(argv, original);
            }
            // A chain that fails or exits early is rerun from its start, so the child reports it.
            if (stop == Stop.Exit || c.Argv.Count == 0) return SpawnSelf(argv.Count == 0 ? ["exit"] : argv, original);
            return SpawnSelf(c.Argv, st);
        }
        finally
        {
            st.ReleaseOwned();
            original.ReleaseOwned();
        }
    }

    static int SpawnSelf(IReadOnlyList<string> argv, ProcessState st)
    {
        RealProcess.Sync(st);
        int pid = Spawn.Start(Self.Path, argv, st.Env.Entries, RealProcess.SpawnRequest(st));
        return pid;
    }

    static int SpawnExternal(Cursor c, ProcessState st, out int err)
    {
        // posix_spawnp refuses an empty name with ENOENT before any PATH walk; after a builtin, the spawn
        // stands for that builtin's exec, whose PATH walk gives EACCES.
        if (c.Name.Length == 0 && !c.RanBuiltin) { err = Errno.ENOENT; return -1; }
        RealProcess.Sync(st);
        int pid = -1;
        using var argv = new CStringArray(c.Argv);
        using var envp = new CStringArray(st.Env.Entries);
        err = ProgramLookup.Walk(c.Name, c.LookupPath, file =>
        {
            if (DescriptorPaths.InChild(st, file) is not { } path) return Errno.ENOENT;
            int r = Spawn.Start(path, argv, envp, RealProcess.SpawnRequest(st));
            if (r > 0) { pid = r; return 0; }
            return -r;
        });
        return err == 0 ? pid : -1;
    }

    static void WriteFatal(ProcessState st, string line)
    {
        int fd = st.Fds.Real(2);
        if (fd >= 0) Unistd.WriteAll(fd, Text.Bytes.ToBytes(line + "\n"));
    }
}
