using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-pause [ -t ] [ -h ] [ -a ] [ -q ] [ -b ] [ -i ] [ -p signal,signal... ] — sleep until killed,
/// ignoring TERM, HUP, ALRM, QUIT, ABRT, INT or the numbered signals. Inside a block it runs as a process
/// of its own, so the signals it ignores are not the caller's.
public sealed class S6Pause : Builtin
{
    public override string Usage => "s6-pause [ -t ] [ -h ] [ -a ] [ -q ] [ -b ] [ -i ] [ -p signal,signal... ]";

    const int MaxSignals = 64;

    public override Outcome Run(Invocation inv)
    {
        var ignored = new List<int>();
        var g = new Getopt(inv.Argv, "thaqbip:");
        while (g.Next(out var c, out var arg))
        {
            int sig = c switch
            {
                't' => Signal.SIGTERM, 'h' => Signal.SIGHUP, 'a' => Signal.SIGALRM, 'q' => Signal.SIGQUIT,
                'b' => Signal.SIGABRT, 'i' => Signal.SIGINT, _ => 0,
            };
            if (sig != 0)
            {
                if (ignored.Count >= MaxSignals) throw inv.Usage();
                ignored.Add(sig);
            }
            else if (c == 'p' && Numbers.TryCodeList(arg!, out var list) && ignored.Count + list.Count <= MaxSignals)
                ignored.AddRange(list);
            else throw inv.Usage();
        }
        RealProcess.Apply(inv.State);
        foreach (var sig in ignored) Signal.signal(sig, Signal.SIG_IGN);
        // the runtime catches a few signals of its own (SIGCHLD, SIGCONT...), which end a pause(): wait again
        while (true) Unistd.pause();
    }
}
