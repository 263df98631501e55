using System.Runtime.InteropServices;

namespace Execline.Native;

/// The C library's POSIX regular expressions and fnmatch (<regex.h>, <fnmatch.h>), so patterns mean exactly
/// what they mean to the C programs we mirror (BRE/ERE syntax, leftmost-longest matching, regerror wording).
public sealed unsafe partial class PosixRegex : IDisposable
{
    public const int REG_EXTENDED = 1, REG_ICASE = 2, REG_NEWLINE = 4, REG_NOSUB = 8;
    public const int REG_NOMATCH = 1, REG_ESPACE = 12;
    public const int FNM_PATHNAME = 1, FNM_NOESCAPE = 2, FNM_PERIOD = 4, FNM_NOMATCH = 1;

    /// regex_t (64 bytes on x86_64 and aarch64): glibc's own fields, of which we read re_nsub.
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    struct RegexT
    {
        nint _buffer;
        nuint _allocated, _used, _syntax;
        nint _fastmap, _translate;
        public nuint Nsub;
    }

    /// regmatch_t: the start and end offsets of a group, -1 when it took no part.
    [StructLayout(LayoutKind.Sequential)]
    struct RegMatch
    {
        public int So, Eo;
    }

    [LibraryImport(Libc.Name)] private static partial int regcomp(RegexT* preg, byte* pattern, int cflags);
    [LibraryImport(Libc.Name)] private static partial int regexec(RegexT* preg, byte* s, nint nmatch, RegMatch* pmatch, int eflags);
    [LibraryImport(Libc.Name)] private static partial nint regerror(int errcode, RegexT* preg, byte* buf, nint size);
    [LibraryImport(Libc.Name)] private static partial void regfree(RegexT* preg);
    [LibraryImport(Libc.Name)] private static partial int fnmatch(byte* pattern, byte* s, int flags);

    RegexT* _re;

    PosixRegex() => _re = (RegexT*)NativeMemory.AllocZeroed((nuint)sizeof(RegexT));

    /// Compiles pattern; on failure returns null with regcomp's code and regerror's text.
    public static PosixRegex? Compile(string pattern, int cflags, out int code, out string error)
    {
        var re = new PosixRegex();
        fixed (byte* p = Libc.C(pattern)) code = regcomp(re._re, p, cflags);
        error = "";
        if (code == 0) return re;
        error = re.ErrorText(code);
        NativeMemory.Free(re._re);
        re._re = null;
        return null;
    }

    /// Number of parenthesized subexpressions in the pattern.
    public int Subexpressions => (int)_re->Nsub;

    /// Matches s; returns 0 (groups then holds nmatch (start, end) pairs, -1 for groups that took no
    /// part), REG_NOMATCH, or another regexec error code.
    public int Match(string s, int nmatch, out (int Start, int End)[] groups)
    {
        groups = new (int, int)[nmatch];
        var pm = new RegMatch[Math.Max(1, nmatch)];
        int r;
        fixed (byte* p = Libc.C(s))
        fixed (RegMatch* m = pm)
            r = regexec(_re, p, nmatch, m, 0);
        if (r == 0)
            for (int i = 0; i < nmatch; i++) groups[i] = (pm[i].So, pm[i].Eo);
        return r;
    }

    public string ErrorText(int code)
    {
        var buf = new byte[256];
        fixed (byte* b = buf)
        {
            regerror(code, _re, b, buf.Length);
            return Text.Bytes.FromCString(b);
        }
    }

    /// fnmatch(3): 0 on a match, FNM_NOMATCH, or another value for an invalid pattern.
    public static int FnMatch(string pattern, string s, int flags)
    {
        fixed (byte* p = Libc.C(pattern))
        fixed (byte* v = Libc.C(s))
            return fnmatch(p, v, flags);
    }

    public void Dispose()
    {
        if (_re == null) return;
        regfree(_re);
        NativeMemory.Free(_re);
        _re = null;
    }
}
