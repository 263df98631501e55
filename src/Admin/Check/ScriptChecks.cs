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
            var shebang = Shebang.Of(content);
            if (script.AlwaysExecline && shebang is { IsExecline: false })
            {
                // s6-overlay's users write shell in up files; s6-rc reads them as one execline command line
                cx.Add(Finding.Error(ShebangCheck.Kind, script.Path, 1, 1,
                    $"{Path.GetFileName(script.Path)} starts with #!{shebang.Interpreter}, but s6-rc reads it as an execline command line, not a script " +
                    "(expected a command line, such as the path of a script in /etc/s6-overlay/scripts)"));
                continue;
            }
            if (!script.AlwaysExecline && shebang is not { IsExecline: true }) continue;
            if (SyntaxCheck.Run(cx, script.Path, content) is { } tree) CommandCheck.Run(cx, script.Path, tree);
        }
    }
}
