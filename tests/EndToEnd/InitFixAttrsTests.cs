using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// fix-attrs.d applied during stage 2 (T23).
public class InitFixAttrsTests
{
    [Fact]
    public void T23_fix_attrs_d_files_are_applied_in_order_with_their_exit_codes()
    {
        using var root = Image();
        root.Write("etc/fix-attrs.d/01-test", "/data true nobody,32768:32768 0640 0750\n/data2 false daemon:nogroup 0600 0700\n");
        root.Write("etc/fix-attrs.d/03-empty", "");
        root.Write("etc/fix-attrs.d/04-badacct", "/data3 false nosuchuser 0600 0700\n");
        root.Write("data/f1", "1\n");
        root.Write("data/sub/f2", "2\n");
        root.Write("data/.hidfile", "h\n");
        root.Write("data2/keep", "k\n");
        root.Write("data3/keep", "k\n");
        // v2 follows the link and gives /data4 and f4 to nobody (README: deliberate differences)
        root.Write("data4/f4", "4\n");
        File.CreateSymbolicLink(root.At("data/lnk"), "/data4");
        var r = Run(root, ["sh", "-c", "cd / && stat -c '%n %u:%g %a' data data/f1 data/sub data/sub/f2 data/.hidfile data2 data3 data4 data4/f4"]);
        AssertRan(Banners.Boot(1, 3) +
            "[fix-attrs.d] 01-test: applying... \n[fix-attrs.d] 01-test: exited 0.\n" +
            "[fix-attrs.d] 03-empty: applying... \n[fix-attrs.d] 03-empty: exited 1.\n" +
            "[fix-attrs.d] 04-badacct: applying... \n[fix-attrs.d] 04-badacct: exited 0.\n" + Banners.Boot(4) +
            "data 65534:65534 750\ndata/f1 65534:65534 640\ndata/sub 65534:65534 750\ndata/sub/f2 65534:65534 640\n" +
            "data/.hidfile 0:0 644\ndata2 1:65534 700\ndata3 0:0 755\ndata4 0:0 755\ndata4/f4 0:0 644\n[cmd] sh exited 0\n" + Banners.Fin(),
            "s6-envuidgid: fatal: unknown user: nosuchuser\n", 0, r);
    }
}
