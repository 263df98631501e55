using System.Text;
using Execline.Native;

namespace Execline.Builtins.EnvironmentVariables;

/// The envfile format, read byte by byte as upstream reads it. Each definition becomes a NUL-terminated
/// modification: "NAME=value" sets, and a NUL byte made by an octal escape splits a value, so what follows
/// it is a modification of its own (a name alone unsets). A NUL byte in the file reads as its end.
public sealed class EnvfileParser
{
    enum State
    {
        LineStart, Comment, Name, AfterName, ValueStart, Value, ValueSpace, Escape,
        Quoted, QuotedEscape, Hex1, Hex2, Octal1, Octal2, Done, Error,
    }

    readonly int _fd;
    readonly byte[] _buf = new byte[8192];
    int _pos, _len;
    readonly StringBuilder _out = new();
    /// Where trailing blanks started (unquoted) or where an octal escape's digits start.
    int _mark;

    public int Line { get; private set; } = 1;
    /// errno of a failed read, when Parse returned null for that reason.
    public int ReadError { get; private set; }

    public EnvfileParser(int fd) => _fd = fd;

    /// The modifications, or null on a syntax error (Line) or a read error (ReadError).
    public string? Parse()
    {
        var st = State.LineStart;
        while (st != State.Done && st != State.Error)
        {
            int next = NextByte();
            if (next < 0) return null;
            st = Step(st, (char)next);
        }
        return st == State.Done ? _out.ToString() : null;
    }

    static bool IsBlank(char c) => c is ' ' or '\t' or '\f' or '\r';
    static bool IsOctal(char c) => c is >= '0' and <= '7';
    static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    State Step(State st, char c)
    {
        switch (st)
        {
            case State.LineStart:
                if (c == '\0') return State.Done;
                if (c == '#') return State.Comment;
                if (c == '\n') { Line++; return st; }
                if (IsBlank(c)) return st;
                if (c is '=' or '\\' or '"' or '\'' or '?') return State.Error;
                _out.Append(c);
                return State.Name;
            case State.Comment:
                if (c == '\0') return State.Done;
                if (c == '\n') { Line++; return State.LineStart; }
                return st;
            case State.Name:
                if (c is '\0' or '\n' or '\\' or '"' or '\'' or '?') return State.Error;
                if (c == '=') { _out.Append(c); return State.ValueStart; }
                if (IsBlank(c)) return State.AfterName;
                _out.Append(c);
                return st;
            case State.AfterName:
                if (c == '=') { _out.Append(c); return State.ValueStart; }
                return IsBlank(c) ? st : State.Error;
            case State.ValueStart:
            case State.Value:
            case State.ValueSpace:
                return Unquoted(st, c);
            case State.Escape:
                // Outside quotes only a blank, a backslash, a quote or a newline (continuation) may follow.
                if (c == '\n') { Line++; return State.Value; }
                if (IsBlank(c) || c is '\\' or '"') { _out.Append(c); return State.Value; }
                return State.Error;
            case State.Quoted:
                if (c is '\0' or '\n') return State.Error;
                if (c == '\\') return State.QuotedEscape;
                if (c == '"') return State.Value;
                _out.Append(c);
                return st;
            case State.QuotedEscape:
                if (c == '\0') return State.Error;
                if (c == '\n') { Line++; return State.Quoted; }
                if (c == 'x') return State.Hex1;
                if (IsOctal(c)) { _mark = _out.Length; _out.Append(c); return State.Octal1; }
                int k = "abtnvfr".IndexOf(c);
                _out.Append(k >= 0 ? (char)(7 + k) : c);
                return State.Quoted;
            case State.Hex1:
                if (!IsHex(c)) return State.Error;
                _out.Append(c);
                return State.Hex2;
            case State.Hex2:
                if (!IsHex(c)) return State.Error;
                char high = _out[^1];
                _out.Length--;
                _out.Append((char)((HexValue(high) << 4) + HexValue(c)));
                return State.Quoted;
            case State.Octal1:
            case State.Octal2:
                if (c is '\0' or '\n') return State.Error;
                if (IsOctal(c))
                {
                    _out.Append(c);
                    if (st == State.Octal1) return State.Octal2;
                    EndOctal();
                    return State.Quoted;
                }
                EndOctal();
                if (c == '\\') return State.QuotedEscape;
                if (c == '"') return State.Value;
                _out.Append(c);
                return State.Quoted;
        }
        return State.Error;
    }

    /// The value outside quotes: leading blanks skipped, trailing ones dropped at the end of the line.
    State Unquoted(State st, char c)
    {
        if (c is '\0' or '\n')
        {
            if (st == State.ValueSpace) _out.Length = _mark;
            _out.Append('\0');
            if (c == '\0') return State.Done;
            Line++;
            return State.LineStart;
        }
        if (c == '\\') return State.Escape;
        if (c == '"') return State.Quoted;
        if (IsBlank(c))
        {
            if (st == State.ValueStart) return st;
            if (st == State.Value) _mark = _out.Length;
            _out.Append(c);
            return State.ValueSpace;
        }
        _out.Append(c);
        return State.Value;
    }

    static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// The octal digits since the mark become the one byte they name (modulo 256).
    void EndOctal()
    {
        int v = 0;
        for (int i = _mark; i < _out.Length; i++) v = v * 8 + (_out[i] - '0');
        _out.Length = _mark;
        _out.Append((char)(v & 0xff));
    }

    /// The next byte, 0 at the end of the file, -1 on a read error.
    unsafe int NextByte()
    {
        if (_pos == _len)
        {
            nint n;
            fixed (byte* p = _buf)
                do n = Unistd.read(_fd, p, _buf.Length); while (n < 0 && Errno.Value == Errno.EINTR);
            if (n < 0) { ReadError = Errno.Value; return -1; }
            if (n == 0) return 0;
            _pos = 0;
            _len = (int)n;
        }
        return _buf[_pos++];
    }
}
