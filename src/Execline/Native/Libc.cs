using System.Runtime.InteropServices;

namespace Execline.Native;

/// The C library itself. Each header we call into has its class beside this one, named after it
/// (Unistd for unistd.h, SysStat for sys/stat.h, ...), and is the one place that calls it: no struct is
/// read by offset elsewhere. Strings cross as NUL-terminated byte buffers, never as .NET strings, so file
/// names and arguments keep every byte.
public static class Libc
{
    public const string Name = "libc.so.6";

    /// Whether this process runs on aarch64, whose layouts and flags differ from x86_64's in places (a
    /// constant to the compiler: the branches it decides cost nothing).
    internal static bool Aarch64 => RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    /// A byte string (Latin-1) as a NUL-terminated buffer.
    public static byte[] C(string s)
    {
        var b = new byte[s.Length + 1];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        return b;
    }
}
