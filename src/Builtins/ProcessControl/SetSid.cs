using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.ProcessControl;

/// s6-setsid [ -s | -b | -f | -g ] [ -i | -I | -q ] [ -d ctty ] prog... — exec prog as the leader of a
/// new session (-s, the default), of a new process group (-b), or of a new process group that takes the
/// terminal ctty (default 0) as its foreground (-f; -g ignores SIGTTOU to be able to). A failure is fatal
/// with -i, a warning with -I (the default), silent with -q. Inside a block run in our process, a new
/// session or group is a request the spawn fulfils; taking a terminal needs a process of its own.
public sealed class SetSid : Builtin
{
    public override string Usage => "s6-setsid [ -s | -b | -f | -g ] [ -i | -I | -q ] [ -d ctty ] prog...";

    const int Session = 0, Group = 1, Foreground = 2, ForegroundIgnoringTtou = 3;

    public override Outcome Run(Invocation inv)
    {
        int what = Session, insist = 1, ctty = 0;
        var g = new Getopt(inv.Argv, "sbfgiIqd:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 's': what = Session; break;
                case 'b': what = Group; break;
                case 'f': what = Foreground; break;
                case 'g': what = ForegroundIgnoringTtou; break;
                case 'i': insist = 2; break;
                case 'I': insist = 1; break;
                case 'q': insist = 0; break;
                case 'd': if (!Numbers.TryUInt(arg, out ctty)) throw inv.Usage(); break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var prog = inv.Rest(g.Index);
        if (!inv.OwnsProcess)
        {
            if (what >= Foreground)
            {
                // Without a terminal there (a container's CMD, usually) taking it fails at once: the spawn
                // makes the group and the failure is told here, instead of a process of ours doing both.
                int fd = inv.State.Fds.Real(ctty);
                if (fd >= 0 && Unistd.isatty(fd) == 1) return inv.RerunInOwnProcess();
                int e = fd < 0 ? Errno.EBADF : Errno.ENOTTY;
                inv.State.ProcessGroup = 0;
                Failed(inv, insist, "tcsetpgrp", e);
                return Outcome.Exec(prog);
            }
            if (what == Session) inv.State.NewSession = true;
            else inv.State.ProcessGroup = 0;
            return Outcome.Exec(prog);
        }
        if (what == Session)
        {
            if (Unistd.setsid() < 0) Failed(inv, insist, "setsid", Errno.Value);
            return Outcome.Exec(prog);
        }
        if (Unistd.setpgid(0, 0) < 0) Failed(inv, insist, "setpgid", Errno.Value);
        if (what >= Foreground)
        {
            if (what == ForegroundIgnoringTtou) Signal.signal(Signal.SIGTTOU, Signal.SIG_IGN);
            if (Unistd.tcsetpgrp(inv.State.Fds.Real(ctty), Unistd.getpid()) < 0) Failed(inv, insist, "tcsetpgrp", Errno.Value);
        }
        return Outcome.Exec(prog);
    }

    static void Failed(Invocation inv, int insist, string call, int e)
    {
        if (insist == 2) throw inv.DieErrno(111, "unable to " + call, e);
        if (insist == 1) inv.WarnErrno("unable to " + call, e);
    }
}
