using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Jobs;

/// The four ways wait reaps children, and the timed one. Each returns the estatus that decides wait's
/// result, or -1 when there is none; every child reaped along the way is gone, listed or not.
sealed class PidWaits
{
    readonly Invocation _inv;
    readonly List<int> _pids;

    /// The pid whose status was returned (-o), or -1.
    public int Reaped { get; private set; } = -1;

    public PidWaits(Invocation inv, List<int> pids)
    {
        _inv = inv;
        _pids = new List<int>(pids);
    }

    /// wait / wait { }: until there is no child left.
    public int All()
    {
        while (Children.WaitAny(out _) > 0) { }
        return 0;
    }

    /// wait 2 3 4: until every listed pid has been reaped (or no child is left); the last one's status.
    public int AllOfList()
    {
        int wanted = _pids[^1];
        int e = -1;
        while (_pids.Count > 0)
        {
            int pid = Children.WaitAny(out var st);
            if (pid < 0) break;
            _pids.Remove(pid);
            if (pid == wanted) e = st.EStatus;
        }
        return e;
    }

    /// wait -o: the first child to die.
    public int Any()
    {
        int pid = Children.WaitAny(out var st);
        if (pid < 0) return -1;
        Reaped = pid;
        return st.EStatus;
    }

    /// wait -o 2 3 4: the first listed pid to die.
    public int FirstOfList()
    {
        while (true)
        {
            int pid = Children.WaitAny(out var st);
            if (pid < 0) return -1;
            if (!_pids.Contains(pid)) continue;
            Reaped = pid;
            return st.EStatus;
        }
    }

    /// -t / -r: the same, giving up at the deadline (an error with -i). An empty list stands for pid 0,
    /// and a last listed pid of 0 makes the result 0 until something else decides it.
    public int WithTimeout(bool justOne, bool insist, long milliseconds)
    {
        bool anyChild = _pids.Count == 0;
        int special = anyChild ? 0 : _pids[^1];
        int e = special != 0 ? -1 : 0;
        long deadline = System.Environment.TickCount64 + milliseconds;
        int nap = 1;
        while (true)
        {
            while (true)
            {
                int pid = anyChild ? Children.WaitAny(out var st, noHang: true) : NextListed(out st);
                if (pid == 0) break;
                if (pid < 0) return e;
                if (justOne || pid == special)
                {
                    Reaped = pid;
                    e = st.EStatus;
                }
                if (justOne || (!anyChild && _pids.Count == 0)) return e;
            }
            long left = deadline - System.Environment.TickCount64;
            if (left <= 0)
            {
                if (insist) throw _inv.DieErrno(99, "unable to wait", Errno.ETIMEDOUT);
                return -1;
            }
            // No SIGCHLD to sleep on (the runtime's threads would take it): look again soon.
            Thread.Sleep((int)Math.Min(nap, left));
            nap = Math.Min(nap * 2, 16);
        }
    }

    int NextListed(out WaitStatus st)
    {
        while (true)
        {
            int pid = Children.WaitAny(out st, noHang: true);
            if (pid <= 0) return pid;
            if (_pids.Remove(pid)) return pid;
        }
    }
}
