namespace Execline.Runtime;

/// Reads a block's output from a pipe while the block runs (backtick). Builtins of the block that run in
/// this process write into that pipe from this thread, which drains it as they write (CapturedPipes), so
/// that no write waits for a reader; a process the block starts gets a thread that reads for it; a block
/// that reaches its program after state transforms alone needs no thread at all (under RLIMIT_NPROC there
/// may be none to spare).
public interface IOutputReader
{
    /// Called before the first of the block's builtins that may write runs here. False when the pipe can
    /// be read neither here nor by a thread.
    bool CaptureHere();

    /// Called once the block's program runs and this process holds no write end of the pipe any more:
    /// reads to the end here, unless a thread already does.
    void ReadHere();
}
