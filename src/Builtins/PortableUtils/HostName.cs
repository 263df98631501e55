using Execline.Native;

namespace Execline.Builtins.PortableUtils;

/// The system's host name, read and set (s6-uniquename, s6-hostname).
static unsafe class HostName
{
    /// The name, or null with the errno.
    public static string? Get(out int err)
    {
        var buf = new byte[256];
        fixed (byte* p = buf)
        {
            if (Unistd.gethostname(p, buf.Length) < 0) { err = Errno.Value; return null; }
            err = 0;
            return Text.Bytes.FromCString(p);
        }
    }

    /// 0 or an errno.
    public static int Set(string name)
    {
        var b = Text.Bytes.ToBytes(name);
        fixed (byte* p = b) return Unistd.sethostname(p, b.Length) < 0 ? Errno.Value : 0;
    }
}
