using Execline.S6;

namespace Execline.Admin.Check;

/// The lines of /etc/fix-attrs.d (s6-overlay v2's `path recurse account fmode dmode`) are rules
/// fix-attrs applies: five fields, octal modes, recurse true or false, an account the image knows.
static class FixAttrsCheck
{
    public const string Kind = "fix-attrs";
    const string Dir = "/etc/fix-attrs.d";

    public static void Run(CheckContext cx)
    {
        var accounts = new Lazy<ImageAccounts>(() => new ImageAccounts(cx.Root));
        foreach (var name in cx.Root.List(Dir))
        {
            var file = $"{Dir}/{name}";
            if (cx.Root.Read(file) is not { } data) continue;
            var text = Text.Bytes.Latin1(data);
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0) continue;
                if (i == lines.Length - 1)
                {
                    cx.Add(Finding.Warning(Kind, file, i + 1, line.Length + 1, "last line has no newline, fix-attrs skips it (expected a newline at its end)"));
                    break;
                }
                Line(cx, accounts, file, i + 1, line);
            }
        }
    }

    static void Line(CheckContext cx, Lazy<ImageAccounts> accounts, string file, int number, string line)
    {
        var rule = FixAttrsRule.Parse(line, out var error);
        if (rule == null)
        {
            cx.Add(Finding.Error(Kind, file, number, 1, error + ", fix-attrs skips the line"));
            return;
        }
        if (rule.Recurse is not ("true" or "false"))
            cx.Add(Finding.Warning(Kind, file, number, Column(line, 1),
                $"recurse is {rule.Recurse}, taken as false (expected true or false)"));
        if (rule.Fallback.Length == 0 && accounts.Value.Unknown(rule.Account) is { } unknown)
            cx.Add(Finding.Error(Kind, file, number, Column(line, 2),
                $"{unknown} not in the image's /etc/passwd or /etc/group, fix-attrs skips the line (expected a known account, or a ,uid:gid fallback)"));
    }

    /// Where field n (from 0) of a line starts, 1-based.
    static int Column(string line, int n)
    {
        int i = 0;
        for (int field = 0; ; field++)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (field == n) return i + 1;
            while (i < line.Length && line[i] is not (' ' or '\t')) i++;
        }
    }
}
