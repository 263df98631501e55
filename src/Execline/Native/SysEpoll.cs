using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/epoll.h>: the supervisor's event loop, one epoll set, so a wake-up costs what is ready, not what
/// is watched. Each watched descriptor carries a token, given back when it is ready.
public static unsafe partial class SysEpoll
{
    public const int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    public const uint EPOLLIN = 1;

    /// struct epoll_event as x86_64 lays it out, packed: data right after events (12 bytes).
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    struct PackedEvent
    {
        public uint Events;
        public ulong Data;
    }

    /// struct epoll_event elsewhere (aarch64): data aligned to 8 (16 bytes).
    [StructLayout(LayoutKind.Sequential)]
    struct Event
    {
        public uint Events;
        public ulong Data;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int epoll_create1(int flags);
    [LibraryImport(Libc.Name, SetLastError = true)] private static partial int epoll_ctl(int epfd, int op, int fd, void* ev);
    [LibraryImport(Libc.Name, SetLastError = true)] private static partial int epoll_wait(int epfd, void* events, int max, int timeoutMs);

    /// epoll_ctl: watches fd for events (or stops), with token as the event's data. 0 or -1 (errno set).
    public static int Control(int epfd, int op, int fd, uint events, ulong token)
    {
        if (Libc.Aarch64)
        {
            var ev = new Event { Events = events, Data = token };
            return epoll_ctl(epfd, op, fd, &ev);
        }
        var packed = new PackedEvent { Events = events, Data = token };
        return epoll_ctl(epfd, op, fd, &packed);
    }

    /// epoll_wait for up to max events: the token of each ready descriptor in tokens; their number, or -1
    /// (errno set).
    public static int Wait(int epfd, ulong* tokens, int max, int timeoutMs)
    {
        int n;
        if (Libc.Aarch64)
        {
            Event* ev = stackalloc Event[max];
            n = epoll_wait(epfd, ev, max, timeoutMs);
            for (int i = 0; i < n; i++) tokens[i] = ev[i].Data;
        }
        else
        {
            PackedEvent* ev = stackalloc PackedEvent[max];
            n = epoll_wait(epfd, ev, max, timeoutMs);
            for (int i = 0; i < n; i++) tokens[i] = ev[i].Data;
        }
        return n;
    }
}
