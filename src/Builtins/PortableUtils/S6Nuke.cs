using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-nuke [ -h ] [ -t ] [ -k ] — signal every other process: HUP with -h, TERM then CONT with -t, KILL
/// with -k.
///
/// Upstream's kill(-1) spares only the caller and process 1, which is enough for a stage 3 that runs as
/// process 1. Ours spares the caller and all its ancestors: a stage 3 that is not process 1 (our supervisor
/// runs it as its child while services are still going down; /init may run under docker's --init) survives
/// its own broadcasts as it would as process 1. In a block it runs in our process: the caller is itself.
public sealed class S6Nuke : Builtin
{
    public override string Usage => "s6-nuke [ -h | -t | -k ]";


    public override Outcome Run(Invocation inv)
    {
        bool hangup = false, terminate = false, kill = false;
        var g = new Getopt(inv.Argv, "htk");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'h': hangup = true; break;
                case 't': terminate = true; break;
                case 'k': kill = true; break;
                default: throw inv.Usage();
            }
        }
        ProcessTable.Nuke(ProcessTable.SelfAndAncestors(), hangup, terminate, kill);
        return Outcome.Exit(0);
    }
}
