using Execline.S6;

namespace Execline.Tests.Supervision;

public class ServiceStatusTests
{
    static byte[] Hex(string s) => Convert.FromHexString(s.Replace(" ", ""));

    [Fact]
    public void An_up_service_decodes_as_s6_supervise_wrote_it()
    {
        var bytes = Hex("4000 0000 6b02 c010 2326 b95e 4000 0000 6b02 c010 22b9 cd2b 0000 0000 0000 5360 0000 04");
        Assert.True(ServiceStatus.TryDecode(bytes, out var s));
        Assert.Equal(new Tai64n(0x400000006b02c010, 0x2326b95e), s.Stamp);
        Assert.Equal(0x5360, s.Pid);
        Assert.True(s.WantUp && !s.Ready && !s.Paused && !s.Finishing && s.IsUp);
        Assert.Equal(bytes, s.Encode());
    }

    [Fact]
    public void Flags_and_wait_status_encode_big_endian()
    {
        var s = new ServiceStatus { Pid = 42, Wstat = 0x0300, Finishing = true, Ready = true, Paused = true };
        var b = s.Encode();
        Assert.Equal(35, b.Length);
        Assert.Equal("000000000000002A03000B", Convert.ToHexString(b, 24, 11));
        Assert.False(s.IsUp);
        Assert.Equal(3, s.ExitCode);
    }

    [Fact]
    public void A_short_file_is_rejected()
    {
        Assert.False(ServiceStatus.TryDecode(new byte[34], out _));
    }
}
