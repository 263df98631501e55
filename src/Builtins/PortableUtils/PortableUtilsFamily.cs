using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// The s6-portable-utils and s6-linux-utils commands that container scripts call.
public static class PortableUtilsFamily
{
    public static readonly string[] Names =
    [
        "s6-echo", "s6-rmrf", "s6-mkdir", "s6-hiercopy", "s6-ln", "s6-basename", "s6-dirname", "s6-cat",
        "s6-chown", "s6-chmod", "s6-ls", "s6-grep", "s6-seq", "s6-sleep", "s6-sync", "s6-mkfifo",
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
        _ => null,
    };
}
