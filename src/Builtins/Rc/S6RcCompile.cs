using Execline.Builtins.PortableUtils;
using Execline.Native;
using Execline.Rc;
using Execline.Rc.Compile;
using Execline.Rc.Database;
using Execline.Runtime;
using Execline.S6;
using System.Globalization;

namespace Execline.Builtins.Rc;

/// s6-rc-compile [ -v verbosity ] [ -h fdholder_user ] [ -b ] compiled source... — reads the service
/// definition directories of every source as s6-rc 0.7 does (same checks, same messages, same order) and
/// writes the database to compiled, which must not exist: our format (DatabaseFile) and a service
/// directory per longrun as s6-rc lays them out. Nothing is written when a source is wrong (exit 1);
/// whatever was written is removed when writing fails.
public sealed class S6RcCompile : Builtin
{
    public override string Usage => "s6-rc-compile [ -v verbosity ] [ -h fdholder_user ] [ -b ] destdir sources...";

    public override Outcome Run(Invocation inv)
    {
        string? verbosityArg = null;
        // -h and -b shape the fd holder's and the oneshot runner's processes in s6-rc; ours have none.
        // -u and -g (s6-rc 0.5's lists of who may run oneshots) are taken and ignored, for older scripts.
        int first = Gol.Parse(inv,
            [new('b', "block", () => { })],
            [
                new('v', "verbosity", v => verbosityArg = v), new('h', "fdholder-user", _ => { }),
                new('u', null, _ => { }), new('g', null, _ => { }),
            ]);
        if (inv.Argv.Count - first < 2) throw inv.Usage();
        uint verbosity = 1;
        if (verbosityArg != null && !uint.TryParse(verbosityArg, NumberStyles.None, null, out verbosity))
            throw inv.Die(100, "verbosity must be an unsigned integer");
        string compiled = inv.Argv[first];
        var log = new CompileLog(verbosity, line => inv.WriteErr($"{Prog}: {line}\n"));
        CompiledSources sources;
        try
        {
            sources = Compiler.Compile(inv.Argv.Skip(first + 1).ToList(), log);
        }
        catch (RcError e)
        {
            throw inv.Fail(e);
        }
        Write(inv, compiled, sources, log);
        return Outcome.Exit(0);
    }

    static void Write(Invocation inv, string compiled, CompiledSources sources, CompileLog log)
    {
        log.Phase($"writing compiled information to {compiled}");
        int err = Files.Mkdir(compiled, SysStat.Mode0755);
        if (err != 0) throw inv.DieErrno(111, $"unable to mkdir {compiled}", err);
        using var held = CompiledLock.Take(inv, compiled, exclusive: true, wait: false);
        try
        {
            log.Detail($"writing {compiled}/{DatabaseFile.Name}");
            WriteFile($"{compiled}/{DatabaseFile.Name}", DatabaseFile.Encode(sources.Database));
            log.Detail($"writing {compiled}/servicedirs");
            new ServiceDirWriter(compiled, sources, log).WriteAll();
        }
        catch (RcError e)
        {
            Tree.Remove(compiled);
            throw inv.Fail(e);
        }
    }

    static void WriteFile(string path, byte[] data)
    {
        int fd = Fcntl.Open(path, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, SysStat.Mode0644);
        int err = fd < 0 ? Errno.Value : Unistd.WriteAll(fd, data);
        if (fd >= 0) Unistd.close(fd);
        if (err != 0) throw new RcError(111, $"unable to write to {path}", err);
    }
}
