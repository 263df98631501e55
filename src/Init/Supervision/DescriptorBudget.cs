using Execline.Native;

namespace Execline.Init.Supervision;

/// Keeps descriptors free for the services already supervised: writing a status file, posting an event
/// or spawning run takes one or a few for a moment, and must not fail because new services took the last
/// ones. A supervisor is set up only when what it keeps open leaves Spare free; otherwise it waits and is
/// tried again later (the others stay fully supervised).
static unsafe class DescriptorBudget
{
    /// More than one turn of the loop opens at once: a spawn (the service directory, the run file read for
    /// its #!, the notification pipe, descriptors moved into place), then a status file and an event FIFO.
    public const int Spare = 12;

    /// Descriptors found free beyond Spare by the last look that have not been handed out since. A look
    /// costs a system call per descriptor, so one finds room for a batch of supervisors: a boot that sets
    /// up fifty looks four times, not fifty. Descriptors closed since are not counted back (the next look
    /// finds them).
    static int _credit;
    const int Batch = 64;

    /// 0 when count more descriptors could stay open with Spare still free, else the errno opening them
    /// meets (EMFILE, ENFILE).
    public static int Check(int count)
    {
        if (count <= _credit)
        {
            _credit -= count;
            return 0;
        }
        _credit = 0;
        if (Free(count + Spare + Batch) == 0)
        {
            _credit = Batch;
            return 0;
        }
        return Free(count + Spare);
    }

    /// 0 when n descriptors can be opened, else the errno: found out by opening them, so holes in the table
    /// count as free.
    static int Free(int n)
    {
        int* fds = stackalloc int[n];
        int opened = 0, err = 0;
        int first = Fcntl.Open("/", Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (first < 0) return Errno.Value;
        fds[opened++] = first;
        while (opened < n)
        {
            int fd = Fcntl.fcntl(first, Fcntl.F_DUPFD_CLOEXEC, 0);
            if (fd < 0)
            {
                err = Errno.Value;
                break;
            }
            fds[opened++] = fd;
        }
        for (int i = 0; i < opened; i++) Unistd.close(fds[i]);
        return err;
    }
}
