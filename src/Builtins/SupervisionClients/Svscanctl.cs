using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// s6-svscanctl [ -zabhitqnN ] scandir — sends command letters to the s6-svscan running on scandir.
public sealed class Svscanctl : Builtin
{
    public override string Usage => "s6-svscanctl [ -zabhitqnN ] svscandir";

    const string Letters = "zabhitqnN";
    const int MaxLetters = 64;

    public override Outcome Run(Invocation inv)
    {
        var letters = new System.Text.StringBuilder();
        // Upstream still parses the letters of older versions (p r s 0 6 7 8) only to refuse them.
        var g = new Getopt(inv.Argv, "phratszbnNiq0678");
        while (g.Next(out var c, out _))
        {
            if (Letters.IndexOf(c) < 0) throw inv.Usage();
            if (letters.Length >= MaxLetters) throw inv.Die(100, "too many commands");
            letters.Append(c);
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var dir = inv.Argv[g.Index];
        switch (ControlFifo.Send(dir, ".s6-svscan", letters.ToString(), out int errno))
        {
            case Delivery.Failed: throw inv.DieErrno(111, "unable to control " + dir, errno);
            case Delivery.BrokenDirectory: throw inv.DieErrno(100, $"something is wrong with the {dir}/.s6-svscan directory. errno reported", errno);
            case Delivery.NotListening: throw inv.DieBare(100, $"unable to control {dir}: supervisor not listening");
        }
        return Outcome.Exit(0);
    }
}
