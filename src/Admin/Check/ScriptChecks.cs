namespace Execline.Admin.Check;

/// Every script the init would run: it can be exec'd, and when it is execline, it parses and the
/// commands it names exist.
static class ScriptChecks
{
    public static void Run(CheckContext cx)
    {
        foreach (var script in InitScripts.In(cx.Root))
        {
            if (cx.Root.IsDirectory(script.Path))
            {
                ShebangCheck.Run(cx, script, []);
                continue;
            }
            var content = cx.Root.Read(script.Path);
            if (content == null) continue;
            ShebangCheck.Run(cx, script, content);
            if (!script.AlwaysExecline && Shebang.Of(content) is not { IsExecline: true }) continue;
            if (SyntaxCheck.Run(cx, script.Path, content) is { } tree) CommandCheck.Run(cx, script.Path, tree);
        }
    }
}
