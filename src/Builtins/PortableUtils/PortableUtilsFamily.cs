using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// The s6-portable-utils and s6-linux-utils commands that container scripts call.
public static class PortableUtilsFamily
{
    public static readonly string[] Names =
    [
        "s6-echo", "s6-rmrf", "s6-mkdir", "s6-hiercopy", "s6-ln", "s6-basename", "s6-dirname", "s6-cat",
        "s6-chown", "s6-chmod", "s6-ls", "s6-grep", "s6-seq", "s6-sleep", "s6-sync", "s6-mkfifo",
        "s6-test", "s6-dumpenv", "s6-uniquename", "s6-maximumtime", "s6-pause", "s6-nuke",
        "s6-env", "s6-printenv", "s6-touch", "s6-true", "s6-false", "s6-head", "s6-tail", "s6-sort", "s6-cut",
        "s6-expr", "s6-clock", "s6-hostname", "s6-chroot", "s6-ps",
    ];

    public static Builtin? Make(string name) => name switch
    {
        "s6-echo" => new S6Echo(),
        "s6-rmrf" => new S6Rmrf(),
        "s6-mkdir" => new S6Mkdir(),
        "s6-hiercopy" => new S6Hiercopy(),
        "s6-ln" => new S6Ln(),
        "s6-basename" => new S6Basename(),
        "s6-dirname" => new S6Dirname(),
        "s6-cat" => new S6Cat(),
        "s6-chown" => new S6Chown(),
        "s6-chmod" => new S6Chmod(),
        "s6-ls" => new S6Ls(),
        "s6-grep" => new S6Grep(),
        "s6-seq" => new S6Seq(),
        "s6-sleep" => new S6Sleep(),
        "s6-sync" => new S6Sync(),
        "s6-mkfifo" => new S6Mkfifo(),
        "s6-test" => new S6Test(),
        "s6-dumpenv" => new S6Dumpenv(),
        "s6-uniquename" => new S6Uniquename(),
        "s6-maximumtime" => new S6Maximumtime(),
        "s6-pause" => new S6Pause(),
        "s6-nuke" => new S6Nuke(),
        "s6-env" => new S6Env(),
        "s6-printenv" => new S6Printenv(),
        "s6-touch" => new S6Touch(),
        "s6-true" => new S6True(),
        "s6-false" => new S6False(),
        "s6-head" => new S6Head(),
        "s6-tail" => new S6Tail(),
        "s6-sort" => new S6Sort(),
        "s6-cut" => new S6Cut(),
        "s6-expr" => new S6Expr(),
        "s6-clock" => new S6Clock(),
        "s6-hostname" => new S6Hostname(),
        "s6-chroot" => new S6Chroot(),
        "s6-ps" => new S6Ps(),
        _ => null,
    };
}
