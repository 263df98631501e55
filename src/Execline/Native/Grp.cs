using System.Runtime.InteropServices;

namespace Execline.Native;

/// <grp.h>: supplementary groups.
public static unsafe partial class Grp
{
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setgroups(nint size, uint* list);

    /// setgroups with first at the head of the list (moved there when the list holds it), as skalibs'
    /// setgroups_and_gid does: some systems read the first entry as the primary gid.
    public static int SetGroupsWithFirst(uint first, IReadOnlyList<uint> groups)
    {
        var all = new List<uint>(groups);
        int at = all.IndexOf(first);
        if (at != 0)
        {
            if (at > 0) all.RemoveAt(at);
            all.Insert(0, first);
        }
        var arr = all.ToArray();
        fixed (uint* p = arr) return setgroups(arr.Length, p);
    }
}
