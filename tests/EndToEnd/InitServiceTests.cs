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
}
