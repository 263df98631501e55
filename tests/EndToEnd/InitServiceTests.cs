using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// services.d: copied into the scandir and supervised; a finish script can stop the container (T17, T18).
public class InitServiceTests
{
    [Fact]
    public void A_service_killed_with_KILL_is_restarted_as_s6_svstat_shows_from_inside()
    {
        using var root = Image();
        root.Write("etc/services.d/svc/run", "#!/bin/sh\necho start >> /tmp/starts\nexec sleep 1000\n", "755");
        root.Write("check", """
            #!/bin/sh
            s=/var/run/s6/services/svc
            s6-svwait -u -t 10000 $s || exit 1
            old=$(s6-svstat -o pid $s)
            kill -9 $old
            i=0
            while [ $i -lt 200 ]; do
              new=$(s6-svstat -o pid $s)
              [ "$new" != "$old" ] && [ "$new" != -1 ] && break
              sleep 0.05; i=$((i+1))
            done
            [ "$new" != "$old" ] && echo "restarted with a new pid"
            s6-svstat -o up,normallyup $s
            cat /tmp/starts
            """ + "\n", "755");
        AssertRan(Banners.Boot() + "restarted with a new pid\ntrue true\nstart\nstart\n[cmd] /check exited 0\n" +
            Banners.Fin(), "", 0, Run(root, ["/check"]));
    }

    [Fact]
    public void T18_a_finish_script_calling_s6_svscanctl_t_stops_the_container_with_the_code_it_wrote()
    {
        using var root = Image();
        root.Write("etc/services.d/app/run", "#!/bin/sh\nsleep 1\necho \"app: exiting 42\"\nexit 42\n", "755");
        root.Write("etc/services.d/app/finish", """
            #!/usr/bin/execlineb -S1
            foreground { redirfd -w 1 /var/run/s6/env-stage3/S6_STAGE2_EXITED s6-echo -n -- ${1} }
            foreground { s6-echo "app finish: code ${1}" }
            s6-svscanctl -t /var/run/s6/services
            """ + "\n", "755");
        AssertRan(Banners.Boot() + "app: exiting 42\napp finish: code 42\n" + Banners.Fin(), "", 42,
            Run(root, [], Env("S6_KILL_GRACETIME=0")));
    }

    [Fact]
    public void T17_a_finish_script_stopping_the_container_without_writing_a_code_gives_0()
    {
        using var root = Image();
        root.Write("etc/services.d/myapp/run", "#!/bin/sh\necho \"myapp: running\"\nsleep 1\necho \"myapp: exiting 3\"\nexit 3\n", "755");
        root.Write("etc/services.d/myapp/finish", """
            #!/bin/execlineb -S1
            foreground { s6-echo "myapp finish: code ${1}" }
            s6-svscanctl -t /var/run/s6/services
            """ + "\n", "755");
        var r = Run(root, []);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        // The restart that races with the shutdown (a second "running" and a finish for the killed run) may
        // or may not happen, as with s6-overlay.
        var lines = r.Out.Replace("myapp: running\n[services.d] done.\n", "[services.d] done.\nmyapp: running\n");
        Assert.StartsWith(Banners.Boot() + "myapp: running\nmyapp: exiting 3\nmyapp finish: code 3\n", lines);
        Assert.EndsWith(Banners.Fin(), r.Out);
    }

    /// v2 copies a link in services.d into the scandir as it is: an absolute one works, a relative one
    /// dangles there (`unable to stat`), or is dropped with S6_READ_ONLY_ROOT. Ours follows a relative link
    /// from where it lives, and copies the service directory it leads to.
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void T38_services_enabled_by_an_absolute_or_a_relative_link_in_services_d_both_start(string readOnlyRoot)
    {
        using var root = Image();
        root.Write("etc/services-available/web/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        root.Write("etc/services-available/web2/run", "#!/bin/sh\nexec sleep 1000\n", "755");
        File.CreateSymbolicLink(root.At("etc/services.d/web"), "/etc/services-available/web");
        File.CreateSymbolicLink(root.At("etc/services.d/web2"), "../services-available/web2");
        // (until the supervisor has picked them up: s6-svwait needs their event/ directory)
        var check = "i=0; until s6-svwait -u -t 1000 /var/run/s6/services/web /var/run/s6/services/web2 2>/dev/null; " +
            "do i=$((i+1)); [ $i -ge 50 ] && exit 1; sleep 0.1; done; echo both up";
        AssertRan(Banners.Boot() + "both up\n[cmd] sh exited 0\n" + Banners.Fin(), "", 0,
            Run(root, ["sh", "-c", check], Env("S6_READ_ONLY_ROOT=" + readOnlyRoot)));
    }
}
