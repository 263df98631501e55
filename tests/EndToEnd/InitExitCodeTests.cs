using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// The container's exit code is the CMD's (spec §4), except that a killed CMD gives 128 + the signal, as
/// the issue asks (s6-overlay v2 gives the bare signal number); the [cmd] line keeps 256 + signal.
public class InitExitCodeTests
{
    [Fact]
    public void T03_a_CMD_exiting_3_makes_the_container_exit_3()
    {
        using var root = Image();
        AssertRan(Banners.Boot() + "[cmd] sh exited 3\n" + Banners.Fin(), "", 3, Run(root, ["sh", "-c", "exit 3"]));
    }

    [Fact]
    public void T05_a_CMD_killed_by_TERM_makes_the_container_exit_143()
    {
        using var root = Image();
        AssertRan(Banners.Boot() + "[cmd] sh exited 271\n" + Banners.Fin(), "", 143,
            Run(root, ["sh", "-c", "kill -TERM $$"]));
    }

    [Fact]
    public void T06_a_CMD_that_does_not_exist_exits_127_with_the_reason()
    {
        using var root = Image();
        AssertRan(Banners.Boot() + "[cmd] nosuchcmd exited 127\n" + Banners.Fin(),
            "ifelse: fatal: unable to exec nosuchcmd: No such file or directory\n", 127, Run(root, ["nosuchcmd", "arg"]));
    }
}
