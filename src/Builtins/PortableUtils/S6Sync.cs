using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-sync — flush every file system's buffers to disk; exit 0.
public sealed class S6Sync : Builtin
{
    public override string Usage => "s6-sync";

    public override Outcome Run(Invocation inv)
    {
        Unistd.sync();
        return Outcome.Exit(0);
    }
}
