using Execline.Native;

namespace Execline.Runtime;

/// Each nested block is a level of recursion. When a script nests deep enough to exhaust the main
/// thread's stack, the rest runs on one thread with a very large stack; short scripts never pay for it.
static class DeepStack
{
    const int StackBytes = 1 << 30;

    [ThreadStatic] static bool _onDeepStack;

    /// Runs work on the large stack, or cannot(exit code, reason) when even that is exhausted or no
    /// thread can be started.
    public static T Run<T>(Func<T> work, Func<int, string, T> cannot)
    {
        if (_onDeepStack) return cannot(100, "blocks are nested too deeply");
        T result = default!;
        Exception? error = null;
        var t = new Thread(() =>
        {
            _onDeepStack = true;
            try { result = work(); }
            catch (Exception e) { error = e; }
        }, StackBytes);
        if (!NewThread.TryStart(t))
            return cannot(111, "unable to start a thread for deeply nested blocks: " + Errno.StrError(Errno.EAGAIN));
        t.Join();
        if (error != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return result;
    }
}
