namespace Execline.Rc;

/// The database cannot be compiled or read: what s6-rc's tools would die with. Text is the message after
/// "PROG: fatal: ", without the errno's words, which Errno (when not 0) adds.
public sealed class RcError(int code, string text, int errno = 0) : Exception(text)
{
    public int Code { get; } = code;
    public string Text { get; } = text;
    public int Errno { get; } = errno;
}
