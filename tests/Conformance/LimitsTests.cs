using System.Text;

namespace Execline.Tests.Conformance;

/// Inputs past the real execlineb's limits. Upstream hands the whole script to the kernel as one argv and
/// fails with E2BIG on these; ours keeps the script in its own memory, so they run (a deliberate
/// improvement), and must do so without a crash or a hang.
public class LimitsTests
{
    static Run Ours(string setup) => Sandbox.Execute("ours", setup);

    [Fact]
    public void A_one_mebibyte_script_runs_to_its_end()
    {
        var r = Ours("""
            i=0
            { while [ $i -lt 40000 ]; do echo "define -s v$i \"x $i y\""; i=$((i+1)); done; echo 'a $v39999'; } > big.el
            [ $(wc -c < big.el) -gt 1048576 ] || echo small
            execlineb big.el
            """);
        Assert.Equal(("[x][39999][y]\n", "", 0), (Encoding.Latin1.GetString(r.Stdout), Encoding.Latin1.GetString(r.Stderr), r.ExitCode));
    }

    [Fact]
    public void Ten_thousand_nested_blocks_run_to_their_end()
    {
        var r = Ours("""
            i=0
            { while [ $i -lt 10000 ]; do printf 'foreground { '; i=$((i+1)); done
              printf 'a in'; i=0; while [ $i -lt 10000 ]; do printf ' }'; i=$((i+1)); done; echo ' a out'; } > deep.el
            execlineb deep.el
            """);
        Assert.Equal(("[in]\n[out]\n", "", 0), (Encoding.Latin1.GetString(r.Stdout), Encoding.Latin1.GetString(r.Stderr), r.ExitCode));
    }

    [Fact]
    public void Blocks_nested_past_the_main_stack_with_no_thread_to_spare_fail_with_one_line()
    {
        // The deep-stack thread cannot start under RLIMIT_NPROC=1 (not enforced for root: run as uid 61234).
        var r = Ours("""
            x=$(readlink -f "$(command -v execlineb)"); d=$(mktemp -d); chmod 755 "$d"; ln -s "$x" "$d/execlineb"
            i=0
            { while [ $i -lt 30000 ]; do printf 'if { '; i=$((i+1)); done
              printf 'exit 0'; i=0; while [ $i -lt 30000 ]; do printf ' }'; i=$((i+1)); done; echo ' echo out'; } > "$d/deep.el"
            chmod 644 "$d/deep.el"
            PATH=/usr/bin:/bin setpriv --reuid=61234 --regid=61234 --clear-groups prlimit --nproc=1 "$d/execlineb" "$d/deep.el"
            echo rc=$?; rm -rf "$d"
            """);
        Assert.Equal(("rc=111\n", "if: fatal: unable to start a thread for deeply nested blocks: Resource temporarily unavailable\n", 0),
            (Encoding.Latin1.GetString(r.Stdout), Encoding.Latin1.GetString(r.Stderr), r.ExitCode));
    }
}
