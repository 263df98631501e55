using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_RUNTIME_PROFILE: the user directories come from /etc/cont-profile.d/PROFILE instead of /etc (T30).
public class InitProfileTests
{
    [Fact]
    public void T30_a_runtime_profile_replaces_etc_as_the_source_of_the_user_directories()
    {
        using var root = Image();
        root.Write("etc/cont-profile.d/dev/cont-init.d/10-dev", "#!/bin/sh\necho \"dev profile init\"\n", "600");
        root.Write("etc/cont-init.d/10-default", "#!/bin/sh\necho \"default init\"\n", "755");
        var r = Run(root, ["sh", "-c", "ls /var/run/s6/etc/"], Env("S6_RUNTIME_PROFILE=dev", "S6_KILL_GRACETIME=0"));
        AssertRan(Banners.Boot(1, 2) + Banners.Boot(5, 5) +
                  "[cont-init.d] 10-dev: executing... \ndev profile init\n[cont-init.d] 10-dev: exited 0.\n" +
                  Banners.Boot(6, 6) + "cont-init.d\n[cmd] sh exited 0\n" + Banners.Fin(3, 5), "", 0, r);
    }
}
