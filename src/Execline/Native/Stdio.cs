using System.Runtime.InteropServices;

namespace Execline.Native;

/// <stdio.h>: only rename, which C declares there.
public static unsafe partial class Stdio
{
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int rename(byte* from, byte* to);

    public static int Rename(string from, string to)
    {
        fixed (byte* f = Libc.C(from)) fixed (byte* t = Libc.C(to)) return rename(f, t);
    }
}
