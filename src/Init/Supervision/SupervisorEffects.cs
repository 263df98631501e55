using Execline.S6;
using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// What a supervisor's actions do beyond its own fields and its service directory's small files: start
/// and signal run and finish, publish supervise/status and event/, and wait in the loop (descriptors,
/// timers, the clock). `LoopEffects` does them; the state table's tests record them instead.
interface ISupervisorEffects
{
    long Now { get; }
    /// Starts argv with st in the service directory; onExit is told of its death. The pid, or -errno. The
    /// program may not have exec'd yet when it returns: OnExec and WaitExec say when it has.
    int Spawn(IReadOnlyList<string> argv, ProcessState st, Action<WaitStatus> onExit);
    /// Until the program Spawn started as pid has exec'd (or ended).
    void WaitExec(int pid);
    /// Runs then from the loop once the program Spawn started as pid has exec'd (or ended).
    void OnExec(int pid, Action then);
    /// sig to pid (to the process group -pid when negative).
    void Kill(int pid, int sig);
    /// Writes supervise/status; 0 or an errno.
    int Save(ServiceStatus status);
    /// Posts events to the event/ fifodir.
    void Notify(string events);
    void WakeAt(long when, Action<long> onTime);
    void Watch(int fd, Action onReadable);
    void Unwatch(int fd);
    /// A crash-loop policy gave up with `then=exit:CODE`: the container stops, in order, with code. False
    /// when there is none to stop (s6-supervise alone).
    bool StopContainer(int code);
}

sealed class LoopEffects(EventLoop loop, ProcessState baseState, ServiceLocation location, Container container) : ISupervisorEffects
{
    public long Now => EventLoop.Now;

    /// The directory is opened for the spawn only (held for the service's life it would be a third
    /// descriptor per service), and our own working directory, which the spawn moves, is the base
    /// state's again before that descriptor goes.
    public int Spawn(IReadOnlyList<string> argv, ProcessState st, Action<WaitStatus> onExit)
    {
        int dirFd = Fcntl.Open(location.Path, Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (dirFd < 0) return -Errno.Value;
        st.CwdFd = dirFd;
        int pid = Chain.SpawnBlock(argv, st);
        RealProcess.Sync(baseState);
        Unistd.close(dirFd);
        if (pid > 0) loop.WatchChild(pid, onExit);
        return pid;
    }

    /// Not to a child that has ended: once reaped, its number may be another process's.
    public void Kill(int pid, int sig)
    {
        if (!loop.HasEnded(Math.Abs(pid))) Signal.kill(pid, sig);
    }

    public void WaitExec(int pid) => Native.Spawn.WaitExec(pid);
    /// When the spawn's witness pipe ends, so the loop goes on meanwhile (the services it starts exec side
    /// by side, and it serves the next commands); without one, at the end of the turn, waiting there.
    public void OnExec(int pid, Action then)
    {
        int fd = Native.Spawn.TakeExecFd(pid);
        if (fd < 0)
        {
            loop.AtTurnEnd(then);
            return;
        }
        loop.WatchFd(fd, () =>
        {
            loop.UnwatchFd(fd);
            Unistd.close(fd);
            then();
        });
    }
    public int Save(ServiceStatus status) => status.Save(location.Path);
    public void Notify(string events) => FifoDir.Notify(location.Path + "/event", Text.Bytes.ToBytes(events));
    public void WakeAt(long when, Action<long> onTime) => loop.WakeAt(when, onTime);
    public void Watch(int fd, Action onReadable) => loop.WatchFd(fd, onReadable);
    public void Unwatch(int fd) => loop.UnwatchFd(fd);
    public bool StopContainer(int code) => container.Stop(code);
}
