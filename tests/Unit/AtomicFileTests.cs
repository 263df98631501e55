using Execline.Native;
using Execline.S6;

namespace Execline.Tests.Unit;

public class AtomicFileTests
{
    [Fact]
    public void A_file_is_replaced_by_its_new_content_and_no_temporary_is_left()
    {
        var dir = Directory.CreateTempSubdirectory("atomic.").FullName;
        File.WriteAllText(dir + "/status", "old");
        Assert.Equal(0, AtomicFile.Replace(dir + "/status", "new"u8));
        Assert.Equal("new", File.ReadAllText(dir + "/status"));
        Assert.Equal(["status"], Directory.GetFiles(dir).Select(Path.GetFileName));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task A_fifo_squatting_the_temporary_name_fails_with_ENXIO_instead_of_hanging_the_writer()
    {
        var cancel = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("atomic.").FullName;
        Assert.Equal(0, SysStat.MakeFifo(dir + "/status.new", 0x180));
        var replace = Task.Run(() => AtomicFile.Replace(dir + "/status", "new"u8.ToArray()), cancel);
        Assert.Same(replace, await Task.WhenAny(replace, Task.Delay(5000, cancel)));
        Assert.Equal(Errno.ENXIO, await replace);
        Assert.False(File.Exists(dir + "/status"));
        Directory.Delete(dir, true);
    }
}
