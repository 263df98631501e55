using Execline.Native;
using Execline.S6;

namespace Execline.Tests.Unit;

/// The umask is the whole process's: these run alone, so that no other test makes a file meanwhile.
[CollectionDefinition("process umask", DisableParallelization = true)]
public class ProcessUmask;

/// SysStat remembers the mask it set, so that setting it again costs nothing; what the kernel holds must
/// be what it says all the same.
[Collection("process umask")]
public class UmaskTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("umask-").FullName;
    readonly int _before = SysStat.Umask;

    public void Dispose()
    {
        SysStat.umask(_before);
        Directory.Delete(_dir, recursive: true);
    }

    /// The mask as the kernel has it (/proc/self/status, octal).
    static string KernelUmask() =>
        File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Umask:")).Split(':', 2)[1].Trim();

    [Fact]
    public void Setting_a_mask_returns_the_one_it_replaced_and_the_kernel_holds_the_new_one()
    {
        SysStat.umask(Convert.ToInt32("027", 8));
        Assert.Equal(Convert.ToInt32("027", 8), SysStat.umask(Convert.ToInt32("027", 8)));
        Assert.Equal("0027", KernelUmask());
        Assert.Equal(Convert.ToInt32("027", 8), SysStat.umask(Convert.ToInt32("077", 8)));
        Assert.Equal("0077", KernelUmask());
        Assert.Equal(Convert.ToInt32("077", 8), SysStat.Umask);
    }

    [Fact]
    public void Exact_keeps_a_mask_that_takes_nothing_from_the_mode_and_clears_one_that_does()
    {
        SysStat.umask(Convert.ToInt32("022", 8));
        using (TemporaryUmask.Exact(SysStat.Mode0700)) Assert.Equal("0022", KernelUmask());
        using (TemporaryUmask.Exact(SysStat.Mode0644)) Assert.Equal("0022", KernelUmask());
        using (TemporaryUmask.Exact(SysStat.Mode0666))
        {
            Assert.Equal("0000", KernelUmask());
            Assert.Equal(0, SysStat.MakeFifo(_dir + "/fifo", SysStat.Mode0666));
        }
        Assert.Equal("0022", KernelUmask());
        Assert.Equal(0, SysStat.StatPath(_dir + "/fifo", out var st));
        Assert.Equal((uint)SysStat.Mode0666, st.Mode & 0xfff);
    }
}
