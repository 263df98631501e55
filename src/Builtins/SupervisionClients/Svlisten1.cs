using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// s6-svlisten1 [ -U|-u|-d|-D|-r|-R ] [ -t timeout ] servicedir prog... — listens to the service, runs
/// prog, and waits until the service reaches the state. Exits 0, 99 on timeout, 1 on failure.
public sealed class Svlisten1 : Builtin
{
    public override string Usage => "s6-svlisten1 [ -U | -u | -d | -D | -r | -R ] [ -t timeout ] servicedir prog...";

    public override Outcome Run(Invocation inv)
    {
        var o = WaitOptions.Parse(inv, false, out int index);
        if (inv.Argv.Count - index < 2) throw inv.Usage();
        var dir = inv.Argv[index];
        var prog = inv.Rest(index + 1);
        if (ListenedProgram.NeedsOwnProcess(inv, prog)) return inv.RerunInOwnProcess();
        using var watch = ServiceWatch.Start(inv, [dir]);
        ListenedProgram.Start(inv, prog);
        // A restart is: down and ready (finish done) first, then the state asked for.
        if (o.Restart) Check(inv, dir, watch.Until(inv, false, true, true, o.Deadline));
        Check(inv, dir, watch.Until(inv, o.Up, o.Ready, true, o.Deadline));
        return Outcome.Exit(0);
    }

    static void Check(Invocation inv, string dir, int failures)
    {
        if (failures != 0) throw inv.Die(1, dir + " failed permanently or its supervisor died");
    }
}
