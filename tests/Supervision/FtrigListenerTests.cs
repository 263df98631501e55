using System.Text.RegularExpressions;
using Execline.Native;
using Execline.S6;

namespace Execline.Tests.Supervision;

public class FtrigListenerTests
{
    static string TempDir() => Directory.CreateTempSubdirectory("ftrig.").FullName;

    [Fact]
    public void Subscribing_leaves_one_fifo_named_as_the_real_notifier_expects()
    {
        var dir = TempDir();
        using (var listener = FtrigListener.Subscribe(dir, out int errno))
        {
            Assert.NotNull(listener);
            Assert.Equal(0, errno);
            var name = Assert.Single(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
            Assert.Matches(new Regex("^ftrig1:@4000[0-9a-f]{20}:[A-Za-z0-9_-]{6}$"), name!);
            Assert.True(FifoDir.IsListener(name!));
            Assert.Equal(0, SysStat.StatPath(Path.Combine(dir, name!), out var st));
            Assert.Equal(SysStat.S_IFIFO | SysStat.Mode0600, st.Mode & (SysStat.S_IFMT | SysStat.ALLPERMS));
        }
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        Directory.Delete(dir);
    }

    [Fact]
    public void Events_a_notifier_writes_arrive_in_order()
    {
        var dir = TempDir();
        using (var listener = FtrigListener.Subscribe(dir, out _)!)
        {
            Assert.Empty(listener.ReadAvailable(out _)!);
            FifoDir.Notify(dir, "dD"u8);
            FifoDir.Notify(dir, "u"u8);
            Assert.Equal("dDu"u8.ToArray(), listener.ReadAvailable(out int errno));
            Assert.Equal(0, errno);
        }
        Directory.Delete(dir);
    }

    [Fact]
    public void Subscribing_to_a_missing_directory_reports_ENOENT()
    {
        Assert.Null(FtrigListener.Subscribe("/nonexistent/event", out int errno));
        Assert.Equal(Errno.ENOENT, errno);
    }
}
