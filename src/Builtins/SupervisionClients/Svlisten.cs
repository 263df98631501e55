using Execline.Runtime;

namespace Execline.Builtins.SupervisionClients;

/// s6-svlisten [ -U|-u|-d|-D|-r|-R ] [ -a|-o ] [ -t timeout ] servicedir... "" prog... — s6-svlisten1
/// for several services (a block in execline: `s6-svlisten { dirs } prog`). Exits 0, 99 on timeout, or
/// the number of services that failed.
public sealed class Svlisten : Builtin
{
    public override string Usage => "s6-svlisten [ -U | -u | -d | -D | -r | -R ] [ -a | -o ] [ -t timeout ] servicedir... \"\" prog...";

    public override Outcome Run(Invocation inv)
    {
        var o = WaitOptions.Parse(inv, true, out int index);
        if (inv.Argv.Count - index < 3) throw inv.Usage();
        int end = Block.Read(inv, inv.Argv, index, out var dirs);
        if (end == index || end == inv.Argv.Count - 1) throw inv.Usage();
        if (end < 0) throw inv.Die(100, "unterminated servicedir block");
        var prog = inv.Rest(end + 1);
        if (ListenedProgram.NeedsOwnProcess(inv, prog)) return inv.RerunInOwnProcess();
        if (o.Restart && o.Any)
        {
            o.Any = false;
            inv.Warn($"-o is unsupported when combined with -{(o.Ready ? "R" : "r")}- using -a instead");
        }
        using var watch = ServiceWatch.Start(inv, dirs);
        ListenedProgram.Start(inv, prog);
        if (o.Restart) Svwait.Check(inv, watch.Until(inv, false, true, o.Any, o.Deadline));
        Svwait.Check(inv, watch.Until(inv, o.Up, o.Ready, o.Any, o.Deadline));
        return Outcome.Exit(0);
    }
}
