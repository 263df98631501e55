namespace Execline.Runtime;

/// Each nested block is a level of recursion. When a script nests deep enough to exhaust the main
/// thread's stack, the rest runs on one thread with a very large stack; short scripts never pay for it.
static class DeepStack
{
    const int StackBytes = 1 << 30;

    [ThreadStatic] static bool _onDeepStack;

    /// Runs work on the large stack, or tooDeep when even that is exhausted.
    public static T Run<T>(Func<T> work, Func<T> tooDeep)
    {
        if (_onDeepStack) return tooDeep();
        T result = default!;
        Exception? error = null;
        var t = new Thread(() =>
        {
            _onDeepStack = true;
            try { result = work(); }
            catch (Exception e) { error = e; }
        }, StackBytes);
        t.Start();
        t.Join();
        if (error != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return result;
    }
}
