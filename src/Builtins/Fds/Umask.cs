using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// umask value prog... (also execline-umask) — set the umask to the octal value (read up to the first
/// non-octal character), then exec prog.
public sealed class Umask : Builtin
{
    public override string Usage => "umask value prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3 || Octal.Scan(inv.Argv[1], out var mask) == 0) throw inv.Usage();
        inv.State.Umask = (int)(mask & SysStat.ACCESSPERMS);
        return inv.Exec(inv.Rest(2));
    }
}
