namespace Execline.Tests.Supervision;

/// Our s6-supervise alone, driven by signals.
public class SuperviseTests
{
    [Fact]
    public void A_SIGTERM_read_with_the_SIGQUIT_that_made_it_leave_leaves_the_service_running()
    {
        using var t = new Tree();
        t.Service("a", "#!/bin/sh\nexec sleep 7303\n");
        // Stopped while both arrive, s6-supervise reads them in one turn, SIGQUIT (the lower number) first.
        var (_, output) = t.Sh("""
            cd scan; s6-supervise a 2>/dev/null & pid=$!
            until s6-svok a 2>/dev/null; do sleep 0.05; done
            s6-svwait -u -t 5000 a; run=$(s6-svstat -o pid a)
            kill -STOP $pid; kill -QUIT $pid; kill -TERM $pid; kill -CONT $pid
            wait $pid; echo "rc $?"
            kill -0 $run && echo "run still running"; kill $run
            """);
        Assert.Equal("rc 0\nrun still running\n", output);
    }
}
