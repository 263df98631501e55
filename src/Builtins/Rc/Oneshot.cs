using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// A oneshot's up or down command line, run as s6-rc-oneshot-run would exec it, but as a child of s6-rc
/// itself (no s6-sudo round trip through a runner service): the program found by PATH, s6-rc's own
/// environment with RC_NAME=<service>, the oneshot runner's service directory as cwd, s6-rc's stdin,
/// stdout and stderr.
static class Oneshot
{
    /// The child's pid, or -errno when no program could be started (ENOENT: not found, as execvp).
    public static int Spawn(Invocation inv, LiveDir live, IReadOnlyList<string> argv, string name, out string program)
    {
        program = argv[0];
        var env = inv.State.Env.Clone();
        env.Set("RC_NAME", name);
        var req = RealProcess.SpawnRequest(inv.State);
        int dir = Fcntl.Open(live.RunnerDir, Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (dir < 0) return -Errno.Value;
        req.ChdirFd = dir;
        int pid = -1;
        using var args = new CStringArray(argv);
        using var envp = new CStringArray(env.Entries);
        int err = ProgramLookup.Walk(argv[0], inv.Env.Get("PATH"), file =>
        {
            int r = Native.Spawn.Start(file, args, envp, req);
            if (r > 0) { pid = r; return 0; }
            return -r;
        });
        Unistd.close(dir);
        return err == 0 ? pid : -err;
    }
}
