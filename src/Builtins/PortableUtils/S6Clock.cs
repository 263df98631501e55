using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-clock [ tai64nlabel ] — print the system time as a TAI64N label, or set the system time to one.
public sealed class S6Clock : Builtin
{
    public override string Usage => "s6-clock [ tai64nlabel ]";

    public override unsafe Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2)
        {
            Output.Write(inv, Tai64n.Now().Label() + "\n");
            return Outcome.Exit(0);
        }
        var label = inv.Argv[1];
        if (!Tai64n.TryParseLabel(label, out var stamp)) throw inv.Usage();
        var ts = new Clock.Timespec { Sec = stamp.UnixSeconds, Nsec = stamp.Nanos };
        if (Clock.clock_settime(Clock.CLOCK_REALTIME, &ts) < 0) throw inv.DieErrno(111, "unable to taia_setnow", Errno.Value);
        return Outcome.Exit(0);
    }
}
