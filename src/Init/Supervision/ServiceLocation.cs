using Execline.Native;
using Execline.S6;

namespace Execline.Init.Supervision;

/// Where a supervisor reaches its service directory: by its scandir path, which it follows when that
/// leads elsewhere (s6-rc-update moves what a link leads to). Once the path is gone (its link removed:
/// why s6-svscan stops it), the directory whose supervise/lock it holds: finish, status and events go
/// on there, as they do in s6-supervise's cwd.
sealed class ServiceLocation(string path)
{
    public string Path { get; private set; } = path;

    /// For a moment (setting up supervise/ and event/), the directory the path leads to now, by its own
    /// path: s6-rc's live directories are reached through two links (the scandir's, then /run/s6-rc) that
    /// every one of the setup's thirty system calls walked again. Null (nothing changed) without /proc.
    public string? Resolve()
    {
        int fd = Fcntl.Open(Path, Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (fd < 0) return null;
        var real = Unistd.ReadLink($"/proc/self/fd/{fd}");
        Unistd.close(fd);
        if (real == null || !real.StartsWith('/') || real.EndsWith(" (deleted)", StringComparison.Ordinal)) return null;
        var given = Path;
        Path = real;
        return given;
    }

    /// Back to the path Resolve was given.
    public void Unresolve(string given) => Path = given;

    /// The scandir path is gone: from now on, the directory of the lock (found through its descriptor,
    /// which follows the directory wherever it is).
    public void Detach(LockFile held)
    {
        if (held.Fd < 0 || ServiceFiles.Exists(Path)) return;
        const string lockName = "/supervise/lock";
        var file = Unistd.ReadLink($"/proc/self/fd/{held.Fd}");
        if (file != null && file.EndsWith(lockName, StringComparison.Ordinal)) Path = file[..^lockName.Length];
    }
}
