using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// A v3 container started as a user (docker run -u 1000, spec §10) with a /run of its own: it boots, runs
/// everything as that user and stops with the CMD's code.
public class V3NonRootTests
{
    [Fact]
    public void S41_a_user_container_boots_supervises_and_stops_as_that_user()
    {
        using var root = V3.Image();
        File.AppendAllText(root.At("etc/passwd"), "u:x:1000:1000:u:/home/u:/bin/sh\n");
        File.AppendAllText(root.At("etc/group"), "u:x:1000:\n");
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        var r = Boot.Run(root, ["sh", "-c", "chown 1000:1000 /run; exec s6-applyuidgid -u 1000 -g 1000 -G '' /init sh -c \"$0\"",
            "sleep 0.3; id -u; ps -o user= | sort -u; exit 3"], V3.G0("S6_VERBOSITY=1"), TimeSpan.FromSeconds(30));
        AssertRan("1000\nu\n", "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n", 3, r);
    }
}
