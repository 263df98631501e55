using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// s6-svwait [ -U|-u|-d|-D|-r|-R ] [ -a|-o ] [ -t timeout ] servicedir... — waits until the services
/// reach a state. Exits 0, 99 on timeout, or the number of services that failed on the way.
public sealed class Svwait : Builtin
{
    public override string Usage => "s6-svwait [ -U | -u | -d | -D | -r | -R ] [ -a | -o ] [ -t timeout ] servicedir...";

    public override Outcome Run(Invocation inv)
    {
        var o = WaitOptions.Parse(inv, true, out int index);
        if (index >= inv.Argv.Count) throw inv.Usage();
        using var watch = ServiceWatch.Start(inv, inv.Rest(index));
        // A restart is: every service down first (ready or not), then the state asked for.
        if (o.Restart) Check(inv, watch.Until(inv, false, false, false, o.Deadline));
        Check(inv, watch.Until(inv, o.Up, o.Ready, o.Any, o.Deadline));
        return Outcome.Exit(0);
    }

    /// 2.11 exits with the failure count, not the 102 its documentation promises for a dead supervisor.
    public static void Check(Invocation inv, int failures)
    {
        if (failures != 0) throw inv.Die(failures, "some services reported permanent failure or their supervisor died");
    }
}
