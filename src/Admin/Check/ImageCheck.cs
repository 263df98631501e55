namespace Execline.Admin.Check;

/// `execline-cs check`: every family of checks over one image, findings in the order found.
static class ImageCheck
{
    public static List<Finding> Run(CheckContext cx)
    {
        ScriptChecks.Run(cx);
        FixAttrsCheck.Run(cx);
        ServiceDatabaseCheck.Run(cx);
        CrashLoopCheck.Run(cx);
        EnvironmentCheck.Run(cx);
        return cx.Findings;
    }
}
