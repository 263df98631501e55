using System.Runtime.InteropServices;

namespace Execline.Native;

/// <pwd.h>: the user database, through NSS.
public static unsafe partial class Pwd
{
    /// struct passwd (the same on x86_64 and aarch64).
    [StructLayout(LayoutKind.Sequential)]
    public struct Passwd
    {
        public byte* Name, Password;
        public uint Uid, Gid;
        public byte* Gecos, Dir, Shell;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial Passwd* getpwnam(byte* name);

    /// The home directory in user's passwd entry (through NSS, like getpwnam), or null with the errno
    /// getpwnam left (0 when there is simply no such user).
    public static string? HomeOf(string user, out int errno)
    {
        Passwd* pw;
        fixed (byte* p = Libc.C(user)) pw = getpwnam(p);
        errno = pw == null ? Errno.Value : 0;
        if (pw == null) return null;
        return pw->Dir == null ? "" : Text.Bytes.FromCString(pw->Dir);
    }
}
