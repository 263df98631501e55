using System.Runtime.InteropServices;

namespace Execline.Native;

/// The C library's POSIX regular expressions and fnmatch, so patterns mean exactly what they mean to
/// the C programs we mirror (BRE/ERE syntax, leftmost-longest matching, regerror wording).
public sealed unsafe class PosixRegex : IDisposable
{
    public const int REG_EXTENDED = 1, REG_ICASE = 2, REG_NEWLINE = 4, REG_NOSUB = 8;
    public const int REG_NOMATCH = 1, REG_ESPACE = 12;
    public const int FNM_PATHNAME = 1, FNM_NOESCAPE = 2, FNM_PERIOD = 4, FNM_NOMATCH = 1;

    // glibc's regex_t is 64 bytes on 64-bit targets, re_nsub (a size_t) at offset 48; room to spare.
    const int RegexSize = 256, NsubOffset = 48;

    byte* _re;

    PosixRegex() => _re = (byte*)NativeMemory.AllocZeroed(RegexSize);

    /// Compiles pattern; on failure returns null with regcomp's code and regerror's text.
    public static PosixRegex? Compile(string pattern, int cflags, out int code, out string error)
    {
        var re = new PosixRegex();
        fixed (byte* p = Libc.C(pattern)) code = Libc.regcomp(re._re, p, cflags);
        error = "";
        if (code == 0) return re;
        error = re.ErrorText(code);
        NativeMemory.Free(re._re);
        re._re = null;
        return null;
    }

    /// Number of parenthesized subexpressions in the pattern.
    public int Subexpressions => (int)*(nuint*)(_re + NsubOffset);

    /// Matches s; returns 0 (groups then holds nmatch (start, end) pairs, -1 for groups that took no
    /// part), REG_NOMATCH, or another regexec error code.
    public int Match(string s, int nmatch, out (int Start, int End)[] groups)
    {
        groups = new (int, int)[nmatch];
        var pm = new int[Math.Max(1, nmatch) * 2];
        int r;
        fixed (byte* p = Libc.C(s))
        fixed (int* m = pm)
            r = Libc.regexec(_re, p, nmatch, m, 0);
        if (r == 0)
            for (int i = 0; i < nmatch; i++) groups[i] = (pm[2 * i], pm[2 * i + 1]);
        return r;
    }

    public string ErrorText(int code)
    {
        var buf = new byte[256];
        fixed (byte* b = buf)
        {
            Libc.regerror(code, _re, b, buf.Length);
            return Text.Bytes.FromCString(b);
        }
    }

    /// fnmatch(3): 0 on a match, FNM_NOMATCH, or another value for an invalid pattern.
    public static int FnMatch(string pattern, string s, int flags)
    {
        fixed (byte* p = Libc.C(pattern))
        fixed (byte* v = Libc.C(s))
            return Libc.fnmatch(p, v, flags);
    }

    public void Dispose()
    {
        if (_re == null) return;
        Libc.regfree(_re);
        NativeMemory.Free(_re);
        _re = null;
    }
}
