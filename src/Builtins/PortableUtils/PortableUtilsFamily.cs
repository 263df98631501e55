using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// The s6-portable-utils and s6-linux-utils commands that container scripts call.
public static class PortableUtilsFamily
{
    public static readonly Command[] Commands =
    [
        new("s6-echo", Needs.None, () => new S6Echo()),
        new("s6-rmrf", Needs.Files, () => new S6Rmrf()),
        new("s6-mkdir", Needs.Files, () => new S6Mkdir()),
        new("s6-hiercopy", Needs.Files, () => new S6Hiercopy()),
        new("s6-ln", Needs.Files, () => new S6Ln()),
        new("s6-basename", Needs.None, () => new S6Basename()),
        new("s6-dirname", Needs.None, () => new S6Dirname()),
        new("s6-cat", Needs.None, () => new S6Cat()),
        new("s6-chown", Needs.Files, () => new S6Chown()),
        new("s6-chmod", Needs.Files, () => new S6Chmod()),
        new("s6-ls", Needs.Files, () => new S6Ls()),
        new("s6-grep", Needs.None, () => new S6Grep()),
        new("s6-seq", Needs.None, () => new S6Seq()),
        new("s6-sleep", Needs.None, () => new S6Sleep()),
        new("s6-sync", Needs.None, () => new S6Sync()),
        new("s6-mkfifo", Needs.Files, () => new S6Mkfifo()),
        new("s6-dumpenv", Needs.Files, () => new S6Dumpenv()),
        new("s6-uniquename", Needs.None, () => new S6Uniquename()),
        new("s6-maximumtime", Needs.OwnProcess, () => new S6Maximumtime()),
        new("s6-pause", Needs.OwnProcess, () => new S6Pause()),
        new("s6-nuke", Needs.None, () => new S6Nuke()),
        new("s6-env", Needs.Eager, () => new S6Env()),
        new("s6-printenv", Needs.None, () => new S6Printenv()),
        new("s6-touch", Needs.Files, () => new S6Touch()),
        new("s6-true", Needs.None, () => new S6True()),
        new("s6-false", Needs.None, () => new S6False()),
        new("s6-head", Needs.Files, () => new S6Head()),
        new("s6-tail", Needs.Files, () => new S6Tail()),
        new("s6-sort", Needs.None, () => new S6Sort()),
        new("s6-cut", Needs.Files, () => new S6Cut()),
        new("s6-expr", Needs.None, () => new S6Expr()),
        new("s6-clock", Needs.None, () => new S6Clock()),
        new("s6-hostname", Needs.None, () => new S6Hostname()),
        new("s6-chroot", Needs.OwnProcess, () => new S6Chroot()),
        new("s6-ps", Needs.None, () => new S6Ps()),
    ];
}
