using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The container environment snapshot reaches the CMD and with-contenv users whole (T19, T42, §6.1).
public class InitWithContenvTests
{
    [Fact]
    public void A_one_mebibyte_value_in_the_snapshot_reaches_the_CMD_intact()
    {
        using var root = Image();
        // no kernel passes a 1 MiB environment string to a new program: the CMD is an execline chain, which
        // with-contenv continues in its own process
        root.Write("etc/cont-init.d/10-big", "#!/bin/sh\nhead -c 1048576 /dev/zero | tr '\\0' y > /var/run/s6/container_environment/BIG\n", "755");
        var r = Run(root, ["importas", "-u", "BIG", "BIG", "redirfd", "-w", "1", "/tmp/big", "s6-echo", "-n", "--", "$BIG"]);
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 10-big: executing... \n[cont-init.d] 10-big: exited 0.\n" +
            Banners.Boot(6, 8) + "[cmd] importas exited 0\n" + Banners.Fin(), "", 0, r);
        var big = File.ReadAllBytes(root.At("tmp/big"));
        Assert.Equal(1048576, big.Length);
        Assert.All(big, b => Assert.Equal((byte)'y', b));
    }

    [Fact]
    public void A_variable_whose_name_is_no_file_name_is_left_out_of_the_snapshot_and_the_later_ones_reach_the_CMD()
    {
        // s6-overlay v2's s6-dumpenv writes ../../../../etc/pwned to /etc/pwned and dies on a/b, so LATER
        // never reaches the snapshot nor the CMD
        using var root = Image();
        var r = Run(root, ["sh", "-c", "echo \"$LATER\"; ls /var/run/s6/container_environment; test -e /etc/pwned || echo no pwned"],
            Env("../../../../etc/pwned=x", "a/b=y", "LATER=z"));
        AssertRan(Banners.Boot() + "z\nCWD\nHOME\nHOSTNAME\nLATER\nPATH\nno pwned\n[cmd] sh exited 0\n" + Banners.Fin(),
            "s6-dumpenv: warning: variable ../../../../etc/pwned not dumped: its name is not a valid file name\n" +
            "s6-dumpenv: warning: variable a/b not dumped: its name is not a valid file name\n", 0, r);
    }

    [Fact]
    public void T42_a_cont_init_script_with_a_with_contenv_shebang_sees_the_container_environment()
    {
        using var root = Image();
        root.Write("etc/cont-init.d/01-contenv", "#!/usr/bin/with-contenv sh\necho \"MYENV=$MYENV args=$#\"\nexit 2\n", "755");
        var r = Run(root, ["echo", "hi"], Env("MYENV=hello", "S6_BEHAVIOUR_IF_STAGE2_FAILS=3", "S6_KILL_GRACETIME=0"));
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 01-contenv: executing... \nMYENV=hello args=0\n" +
            "[cont-init.d] 01-contenv: exited 2.\n" + Banners.Fin(), "", 1, r);
    }

    [Fact]
    public void A_value_rewritten_in_the_snapshot_by_a_cont_init_script_is_what_the_CMD_sees()
    {
        using var root = Image();
        root.Write("etc/cont-init.d/10-set", "#!/bin/sh\nprintf 'line1\\nline2' > /var/run/s6/container_environment/GREETING\n", "755");
        var r = Run(root, ["sh", "-c", "echo \"$GREETING\"; printcontenv GREETING"], Env("GREETING=before"));
        AssertRan(Banners.Boot(1, 5) + "[cont-init.d] 10-set: executing... \n[cont-init.d] 10-set: exited 0.\n" +
            Banners.Boot(6, 8) + "line1\nline2\nline1\nline2\n[cmd] sh exited 0\n" + Banners.Fin(), "", 0, r);
    }
}
