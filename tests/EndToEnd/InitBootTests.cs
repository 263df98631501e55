using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// /init as PID 1: the stages' banners in order (spec §3, §11), the CMD between BOOT and FIN.
public class InitBootTests
{
    [Fact]
    public void T01_init_true_prints_the_boot_banners_the_cmd_line_and_the_finish_banners()
    {
        using var root = Image();
        AssertRan(Banners.Boot() + "[cmd] true exited 0\n" + Banners.Fin(), "", 0, Run(root, ["true"]));
    }

    [Fact]
    public void T02_T08_the_CMD_output_comes_between_boot_and_finish_and_S6_CMD_ARG0_goes_in_front()
    {
        using var root = Image();
        AssertRan(Banners.Boot() + "hello world\n[cmd] echo exited 0\n" + Banners.Fin(), "", 0,
            Run(root, ["hello", "world"], Env("S6_CMD_ARG0=echo")));
    }

    /// Process 1 is s6-svscan by name once stage 1 is over, renamed in place (see V3BootTests). Here /init's
    /// command line is shorter than the supervisor's: the name goes on over the environment's strings (moved
    /// away first), which the kernel shows as one string, the words joined by spaces.
    [Fact]
    public void Process_1_is_s6_svscan_by_name_after_a_command_line_shorter_than_its_own()
    {
        using var root = Image();
        root.Write("x", "#!/bin/sh\ncat /proc/1/comm; tr '\\0' '\\n' </proc/1/cmdline | grep .\n", "755");
        AssertRan(Banners.Boot() + "s6-svscan\ns6-svscan -t0 /var/run/s6/services\n[cmd] /x exited 0\n" + Banners.Fin(), "", 0,
            Run(root, ["/x"]));
    }

    [Fact]
    public void T22_cont_init_scripts_run_in_bytewise_order_hidden_ones_never_and_0644_ones_anyway()
    {
        using var root = Image();
        foreach (var name in new[] { "10-a", "2-b", "A_up", "_under", "b-low", ".hidden" })
            root.Write("etc/cont-init.d/" + name, $"#!/bin/sh\necho \"ran {name}\"\n", "644");
        root.Write("etc/cont-init.d/50-killed", "#!/bin/sh\nkill -KILL $$\n", "644");
        var expected = string.Concat(new[] { "10-a", "2-b", "50-killed", "A_up", "_under", "b-low" }.Select(n =>
            $"[cont-init.d] {n}: executing... \n" + (n == "50-killed" ? "" : $"ran {n}\n") +
            $"[cont-init.d] {n}: exited {(n == "50-killed" ? 265 : 0)}.\n"));
        AssertRan(Banners.Boot(1, 5) + expected + Banners.Boot(6, 8) + "[cmd] true exited 0\n" + Banners.Fin(), "", 0,
            Run(root, ["true"]));
    }

    [Fact]
    public void T19_the_CMD_sees_the_container_environment_with_CWD_and_S6_LOGGING()
    {
        using var root = Image();
        var r = Run(root, ["sh", "-c", "env | sort"], Env("FOO=bar", "SPACED=a b"));
        AssertRan(Banners.Boot() + "CWD=/\nFOO=bar\nHOME=/root\nHOSTNAME=c\n" +
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/\nS6_LOGGING=0\nSHLVL=1\nSPACED=a b\n" +
            "[cmd] sh exited 0\n" + Banners.Fin(), "", 0, r);
    }

    [Fact]
    public void T20_cont_init_scripts_see_only_the_supervision_trees_PATH()
    {
        using var root = Image();
        root.Write("etc/cont-init.d/01-env", "#!/bin/sh\nenv | sort\n", "755");
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 01-env: executing... \n" +
            "PATH=/usr/bin:/usr/sbin:/bin:/sbin\nPWD=/\nSHLVL=1\n[cont-init.d] 01-env: exited 0.\n" +
            Banners.Boot(6, 8) + "[cmd] true exited 0\n" + Banners.Fin(), "", 0, Run(root, ["true"], Env("FOO=bar")));
    }
}
