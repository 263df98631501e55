using Execline.Native;

namespace Execline.Tests.Unit;

/// The typed libc structs read back what the C library wrote, field by field, on the architecture the
/// tests run on (each field at another offset would read as another value).
public unsafe class NativeStructTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("native-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Stat_reads_the_type_mode_owner_size_and_times_of_a_file_we_made()
    {
        var file = Path.Combine(_dir, "f");
        File.WriteAllBytes(file, new byte[1234]);
        File.SetUnixFileMode(file, (UnixFileMode)SysStat.Mode0644);
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        Assert.Equal(0, SysStat.StatPath(file, out var st));
        Assert.Equal(SysStat.S_IFREG | SysStat.Mode0644, st.Mode);
        Assert.Equal((uint)Unistd.geteuid(), st.Uid);
        Assert.Equal((uint)Unistd.getegid(), st.Gid);
        Assert.Equal(1UL, st.Nlink);
        Assert.Equal(1234, st.Size);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeSeconds(), st.Mtime);
    }

    [Fact]
    public void Stat_reads_the_device_number_of_dev_null_and_the_links_of_a_directory()
    {
        Assert.Equal(0, SysStat.StatPath("/dev/null", out var st));
        Assert.Equal(SysStat.S_IFCHR, st.Mode & SysStat.S_IFMT);
        Assert.Equal(0x103UL, st.Rdev); // major 1, minor 3
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        Assert.Equal(0, SysStat.StatPath(_dir, out var dir));
        Assert.Equal(SysStat.S_IFDIR, dir.Mode & SysStat.S_IFMT);
        Assert.Equal(3UL, dir.Nlink); // its entry, its ".", sub's ".."
    }

    [Fact]
    public void O_DIRECTORY_refuses_a_file_and_O_NOFOLLOW_a_symlink()
    {
        var file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "");
        File.CreateSymbolicLink(Path.Combine(_dir, "l"), file);
        Assert.True(Fcntl.Open(file, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC) < 0);
        Assert.Equal(Errno.ENOTDIR, Errno.Value);
        Assert.True(Fcntl.Open(Path.Combine(_dir, "l"), Fcntl.O_RDONLY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC) < 0);
        Assert.Equal(Errno.ELOOP, Errno.Value);
    }

    [Fact]
    public void Epoll_gives_back_the_whole_64_bit_token_of_a_ready_descriptor()
    {
        int ep = SysEpoll.epoll_create1(Fcntl.O_CLOEXEC);
        var (r, w) = Unistd.Pipe();
        try
        {
            Assert.Equal(0, SysEpoll.Control(ep, SysEpoll.EPOLL_CTL_ADD, r, SysEpoll.EPOLLIN, 0x1122334455667788));
            Unistd.WriteAll(w, "x"u8);
            ulong* tokens = stackalloc ulong[4];
            Assert.Equal(1, SysEpoll.Wait(ep, tokens, 4, 1000));
            Assert.Equal(0x1122334455667788UL, tokens[0]);
        }
        finally
        {
            Unistd.close(r);
            Unistd.close(w);
            Unistd.close(ep);
        }
    }

    [Fact]
    public void Directory_entries_glob_matches_and_passwd_home_come_back_whole()
    {
        File.WriteAllText(Path.Combine(_dir, "a-long-file-name"), "");
        File.WriteAllText(Path.Combine(_dir, "b"), "");
        Assert.Equal(["a-long-file-name", "b"], Dirent.ListDirectory(_dir)!.Order(StringComparer.Ordinal));
        Assert.Equal(0, Glob.Expand(_dir + "/*", 0, null, out var paths, out _));
        Assert.Equal([_dir + "/a-long-file-name", _dir + "/b"], paths);
        Assert.Equal("/root", Pwd.HomeOf("root", out _));
    }

    [Fact]
    public void Limits_regex_groups_and_broken_down_time_read_their_fields()
    {
        Assert.True(SysResource.GetLimit(SysResource.RLIMIT_NOFILE, out ulong soft, out ulong hard));
        Assert.Equal((long)soft, SysResource.SoftLimit(SysResource.RLIMIT_NOFILE));
        Assert.True(soft <= hard);

        using var re = PosixRegex.Compile("(a+)(b)", PosixRegex.REG_EXTENDED, out _, out _)!;
        Assert.Equal(2, re.Subexpressions);
        Assert.Equal(0, re.Match("xaab", 3, out var groups));
        Assert.Equal([(1, 4), (1, 3), (3, 4)], groups);

        long t = 951782400 + 3723; // 2000-02-29 01:02:03 UTC
        Clock.Tm tm;
        Assert.True(Clock.gmtime_r(&t, &tm) != null);
        Assert.Equal((100, 1, 29, 1, 2, 3, 59, 0L), (tm.Year, tm.Mon, tm.Mday, tm.Hour, tm.Min, tm.Sec, tm.Yday, tm.Gmtoff));
    }
}
