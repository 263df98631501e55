namespace Execline.Rc;

/// Where s6-rc-compile's warnings and progress lines go, by its verbosity: 0 nothing, 1 warnings (the
/// default), 2 the phases, 3 every service. Each line reaches the sink as "warning: ..." or "info: ...",
/// for the command to prefix with its name.
public sealed class CompileLog(uint verbosity, Action<string> sink)
{
    public void Warn(string text)
    {
        if (verbosity >= 1) sink("warning: " + text);
    }

    /// A warning s6-rc-compile gives from verbosity 2 on only.
    public void Notice(string text)
    {
        if (verbosity >= 2) sink("warning: " + text);
    }

    public void Phase(string text)
    {
        if (verbosity >= 2) sink("info: " + text);
    }

    public void Detail(string text)
    {
        if (verbosity >= 3) sink("info: " + text);
    }
}
