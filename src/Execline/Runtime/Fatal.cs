namespace Execline.Runtime;

/// A command gives up: the message (already prefixed "PROG: fatal: ..." or "PROG: usage: ...") goes to
/// the chain's stderr and the chain exits with Code.
public sealed class Fatal : Exception
{
    public int Code { get; }
    public string Line { get; }

    public Fatal(int code, string line) : base(line)
    {
        Code = code;
        Line = line;
    }
}
