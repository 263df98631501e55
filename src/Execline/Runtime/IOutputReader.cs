namespace Execline.Runtime;

/// Reads a block's output from a pipe while the block runs (backtick). Builtins of the block that run in
/// this process write into that pipe from this thread, so while they run the reading must go on in
/// another one, or a builtin writing more than a pipe holds would wait forever; once only the block's
/// program writes, this thread can read, and a block that reaches its program after state transforms
/// alone needs no thread at all (under RLIMIT_NPROC there may be none to spare).
public interface IOutputReader
{
    /// Called before the first of the block's builtins that may write runs here. False when no thread
    /// could be started.
    bool ReadInBackground();

    /// Called once the block's program runs and this process holds no write end of the pipe any more:
    /// reads to the end here, unless a thread already does.
    void ReadHere();
}
