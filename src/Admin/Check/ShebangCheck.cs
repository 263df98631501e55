namespace Execline.Admin.Check;

/// A script the init execs can be exec'd: it has an execute bit (s6-overlay v3 gives 126 without one),
/// starts with "#!" (or is a binary), and its interpreter exists in the image.
static class ShebangCheck
{
    public const string Kind = "shebang", NotExecutable = "not-executable";

    public static void Run(CheckContext cx, InitScript script, byte[] content)
    {
        if (script.Executed && !cx.Root.IsExecutableFile(script.Path))
        {
            var what = cx.Root.IsRegularFile(script.Path) ? "not executable" : "not a regular file";
            cx.Add(Finding.Error(NotExecutable, script.Path, 0, 0,
                $"{what} (expected an executable file, chmod 0755: s6-overlay v3 exits 126 here)"));
        }
        if (!script.Executed || !cx.Root.IsRegularFile(script.Path) || Shebang.IsElf(content)) return;
        var shebang = Shebang.Of(content);
        if (shebang == null)
        {
            cx.Add(Finding.Error(Kind, script.Path, 1, 1,
                "no #! line (expected an interpreter line such as #!/command/execlineb -P or #!/bin/sh: exec fails with Exec format error)"));
            return;
        }
        int column = 3 + Text.Bytes.Latin1(content).AsSpan(2).IndexOfAnyExcept(' ', '\t');
        if (!shebang.Interpreter.StartsWith('/'))
            cx.Add(Finding.Error(Kind, script.Path, 1, column,
                $"interpreter {shebang.Interpreter} is not an absolute path (expected #!/command/execlineb or another absolute path)"));
        else if (!cx.Root.IsExecutableFile(shebang.Interpreter))
            cx.Add(Finding.Error(Kind, script.Path, 1, column,
                $"interpreter {shebang.Interpreter} not found in the image (expected an executable file at that path)"));
    }
}
