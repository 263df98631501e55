using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// s6-supervise dir — supervises one service directory: the engine s6-svscan runs for every service,
/// here alone in its process. Leaves (exit 0) after `x`, or on SIGTERM/SIGHUP/SIGQUIT as s6 does.
public sealed class Supervise : Builtin
{
    public override string Usage => "s6-supervise dir";

    public override Outcome Run(Invocation inv)
    {
        var g = new Getopt(inv.Argv, "");
        if (g.Next(out _, out _) || g.Index >= inv.Argv.Count) throw inv.Usage();
        string name = inv.Argv[g.Index];
        Signals.BlockInEveryThread(inv);
        OpenFileLimit.Raise();
        int err = RealProcess.ChangeDirectory(inv.State, name);
        if (err != 0) throw inv.DieErrno(111, $"unable to chdir to {name}", err);
        string dir = Unistd.GetCwd() ?? throw inv.DieErrno(111, "unable to getcwd", Errno.Value);
        Signals.IgnorePipe();
        int signalFd = Signals.OpenFd();
        if (signalFd < 0) throw inv.DieErrno(111, "unable to create signalfd", Errno.Value);
        var loop = new EventLoop(signalFd);
        var service = new ServiceSupervisor(loop, inv.State, dir, name);
        service.Gone = _ => loop.Stopped = true;
        loop.OnSignal = sig =>
        {
            switch (sig)
            {
                case Signal.SIGTERM: service.Dispatch(ServiceEvent.SigTerm); break;
                case Signal.SIGHUP: service.Dispatch(ServiceEvent.SigHup); break;
                case Signal.SIGQUIT: service.Dispatch(ServiceEvent.SigQuit); break;
                case Signal.SIGINT: service.Dispatch(ServiceEvent.SigInt); break;
            }
        };
        if (service.SetUp() is { } failure)
        {
            inv.WriteErr(failure.Line + "\n");
            return Outcome.Exit(failure.Code);
        }
        loop.Run();
        return Outcome.Exit(0);
    }
}
