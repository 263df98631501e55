namespace Execline.Runtime;

/// Starting a thread of ours. The runtime reports pthread_create's failure (RLIMIT_NPROC reached, no
/// memory for the stack) as an exception that would end the process with a crash dump; callers turn it
/// into their one-line fatal error, as execline's programs do when their fork fails (pthread_create's
/// errno is EAGAIN in both cases; the runtime does not pass it on).
public static class NewThread
{
    public static bool TryStart(Thread t)
    {
        try
        {
            t.Start();
            return true;
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            return false;
        }
    }
}
