using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Supervision;

/// What the supervision tree knows of the container /init booted it in: the crash-loop policy of every
/// service without a `crash-loop` file (S6_CRASH_LOOP in the container environment), and how to stop the
/// container with an exit code when a policy gives up with `then=exit:CODE`. Stop does, in process 1,
/// what the generation's own scripts do: v3's `haltwith` (the code into
/// `/run/s6-linux-init-container-results/exitcode`, then a halt: shutdownd brings everything down in
/// order), v2's finish script (the code into `env-stage3/S6_STAGE2_EXITED`, then `s6-svscanctl -t`).
/// Outside a container the tree stops as for `s6-svscanctl -t`. None: s6-supervise alone, which has
/// neither.
sealed class Container(CrashLoopPolicy? defaultPolicy, Action<int>? stop)
{
    public static readonly Container None = new(null, null);

    const string V3Results = "/run/s6-linux-init-container-results", V2Stage3 = "/var/run/s6/env-stage3";

    public CrashLoopPolicy? DefaultPolicy => defaultPolicy;
    /// False when there is nothing to stop.
    public bool Stop(int code)
    {
        stop?.Invoke(code);
        return stop != null;
    }

    public enum Generation { None, V2, V3 }

    /// A v3 boot is the one whose stage0 made /run/s6/basedir; a v2 one made env-stage3.
    public static Generation Booted() =>
        IsDirectory("/run/s6/basedir") ? Generation.V3 : IsDirectory(V2Stage3) ? Generation.V2 : Generation.None;

    /// S6_CRASH_LOOP, from the container environment (our own when there is no container); a bad value is
    /// said once and s6's rules hold.
    public static CrashLoopPolicy? ReadDefault(Environ env, Generation gen, Action<string> warn)
    {
        if (Variable(env, gen, "S6_CRASH_LOOP") is not { } text) return null;
        var policy = CrashLoopPolicy.Parse(text, out string? error);
        if (error != null) warn($"invalid S6_CRASH_LOOP: {error} - using s6's rules");
        return policy;
    }

    /// name's value in the container environment of gen's boot (our own without a container).
    public static string? Variable(Environ env, Generation gen, string name) => gen switch
    {
        Generation.V3 => ContainerEnvironment.Get(env, name, ContainerEnvironment.V3Directory),
        Generation.V2 => ContainerEnvironment.Get(env, name),
        _ => env.Get(name),
    };

    /// Records code where the generation's last stage reads it. v3: unless a halt was asked for already
    /// (haltwith leaves that one's code standing), and the halt asked for (haltcode `h`, as
    /// shutdown-request writes it). Returns whether shutdownd must be started (v3), else the tree is to
    /// stop as for `s6-svscanctl -t`.
    public static bool Record(Generation gen, int code, Action<string> warn)
    {
        if (gen == Generation.V2)
        {
            int err = AtomicFile.Replace(V2Stage3 + "/S6_STAGE2_EXITED", Text.Bytes.ToBytes(code.ToString()));
            if (err != 0) warn($"unable to write {V2Stage3}/S6_STAGE2_EXITED: {Errno.StrError(err)}");
            return false;
        }
        if (gen != Generation.V3) return false;
        if (ServiceFiles.Exists(V3Results + "/haltcode")) return true;
        int e = AtomicFile.Replace(V3Results + "/exitcode", Text.Bytes.ToBytes(code + "\n"));
        if (e != 0) warn($"unable to write {V3Results}/exitcode: {Errno.StrError(e)}");
        e = AtomicFile.Replace(V3Results + "/haltcode", "h\n"u8);
        if (e != 0) warn($"unable to write {V3Results}/haltcode: {Errno.StrError(e)}");
        return true;
    }

    static bool IsDirectory(string path) =>
        SysStat.StatPath(path, out var st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR;
}
