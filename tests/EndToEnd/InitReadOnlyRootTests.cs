using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// S6_READ_ONLY_ROOT=1 on a read-only root with a tmpfs /var (docker run --read-only --tmpfs /var; T31).
public class InitReadOnlyRootTests
{
    [Fact]
    public void T31_on_a_read_only_root_the_user_dirs_are_copied_and_their_scripts_run_made_executable()
    {
        using var root = Image();
        root.Write("etc/cont-init.d/10-default", "#!/bin/sh\necho \"default init\"\n", "644");
        root.Write("etc/services.d/svc/run", "#!/bin/sh\nexec sleep 1000\n", "644");
        var r = Run(root, ["sh", "-c", "ls -ld /var/run/s6/etc/* | cut -c1-10; ls -l /etc/cont-init.d/10-default /var/run/s6/etc/cont-init.d/10-default | cut -c1-10; s6-svwait -u -t 5000 /var/run/s6/services/svc && echo svc up; touch /etc/x"],
            Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 10-default: executing... \ndefault init\n[cont-init.d] 10-default: exited 0.\n" +
            Banners.Boot(6, 8) + "drwxr-xr-x\ndrwxr-xr-x\ndrwxr-xr-x\ndrwxr-xr-x\n-rw-r--r--\n-rwxr-xr-x\nsvc up\n" +
            "[cmd] sh exited 1\n" + Banners.Fin(), "touch: /etc/x: Read-only file system\n", 1, r);
    }
}
