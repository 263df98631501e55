using Execline.Rc;
using Execline.Rc.Compile;
using Execline.Rc.Database;
using Execline.Rc.Graph;

namespace Execline.Admin.Check;

/// The s6-rc source definitions of a v3 image compile as rc.init compiles them at boot (the image's
/// s6-rc.d, its user bundles and s6-overlay's own sources): the compiler's first error, in its words,
/// with the file it names. Before that, what the compiler takes or stops at first but is worth saying of
/// every definition: a longrun without run, a oneshot without up, a notification-fd that is no
/// descriptor of its own, a `down` file s6-rc ignores.
static class ServiceDatabaseCheck
{
    public const string Kind = "s6-rc";
    const string Sources = InitScripts.RcSources, Bundles = "/etc/s6-overlay/user-bundles.d",
        Package = "/package/admin/s6-overlay/etc/s6-rc/sources", TopBundle = "top";

    public static void Run(CheckContext cx)
    {
        var names = cx.Root.List(Sources);
        if (names.Count == 0) return;
        foreach (var name in names) Definition(cx, $"{Sources}/{name}");
        Compile(cx);
    }

    static void Definition(CheckContext cx, string dir)
    {
        if (!cx.Root.IsDirectory(dir)) return;
        var type = cx.Root.Read(dir + "/type") is { } t ? Text.Bytes.Latin1(t).Trim() : null;
        var name = dir[(dir.LastIndexOf('/') + 1)..];
        switch (type)
        {
            case "longrun":
                if (!cx.Root.IsRegularFile(dir + "/run"))
                    cx.Add(Finding.Error(Kind, dir + "/run", 0, 0, $"longrun {name} has no run file (expected the program its supervisor runs)"));
                NotificationFd(cx, dir + "/notification-fd");
                IgnoredDown(cx, dir, name, "a longrun is brought up with its bundle; leave it out of the user bundle to keep it down");
                break;
            case "oneshot":
                if (!cx.Root.IsRegularFile(dir + "/up"))
                    cx.Add(Finding.Error(Kind, dir + "/up", 0, 0, $"oneshot {name} has no up file (expected the command line s6-rc runs to bring it up)"));
                break;
            case "bundle":
                IgnoredDown(cx, dir, name, "a bundle is only a name for its contents");
                break;
        }
    }

    static void NotificationFd(CheckContext cx, string file)
    {
        if (cx.Root.Read(file) is not { } data) return;
        var value = Text.Bytes.Latin1(data).TrimEnd('\n');
        if (uint.TryParse(value, System.Globalization.NumberStyles.None, null, out var fd) && fd >= 3) return;
        cx.Add(Finding.Error(Kind, file, 1, 1, fd is >= 0 and < 3 && value.Length > 0 && value.All(char.IsAsciiDigit)
            ? $"notification-fd is {fd}, which the service's stdin, stdout or stderr already is (expected a number 3 or more)"
            : $"notification-fd is \"{value}\" (expected a number 3 or more)"));
    }

    static void IgnoredDown(CheckContext cx, string dir, string name, string why)
    {
        if (cx.Root.Resolve(dir + "/down") != null)
            cx.Add(Finding.Warning(Kind, dir + "/down", 0, 0, $"s6-rc ignores the down file of {name} ({why})"));
    }

    static void Compile(CheckContext cx)
    {
        var sources = new List<string> { cx.Root.Host(Sources) };
        if (cx.Root.IsDirectory(Bundles) && !cx.Root.IsDirectory(Sources + "/user")) sources.Add(cx.Root.Host(Bundles));
        if (cx.Root.IsDirectory(Package)) sources.Add(cx.Root.Host(Package));
        var warnings = new List<string>();
        try
        {
            NeverStarted(cx, Compiler.Compile(sources, new CompileLog(1, warnings.Add)).Database);
        }
        catch (RcError e)
        {
            var text = cx.Root.InsideText(e.Errno != 0 ? $"{e.Text}: {Native.Errno.StrError(e.Errno)}" : e.Text);
            var (file, line, column) = Where(cx, text);
            // the same file's problem already said, by the checks above or the script checks
            if (!cx.Findings.Any(f => f.Severity == Severity.Error && f.File == file))
                cx.Add(Finding.Error(Kind, file, line, column, $"s6-rc-compile: {text}"));
        }
        foreach (var w in warnings.Select(cx.Root.InsideText).Where(w => !w.EndsWith(" is empty", StringComparison.Ordinal)))
            cx.Add(Finding.Warning(Kind, Where(cx, w).File, 0, 0, "s6-rc-compile: " + w["warning: ".Length..]));
    }

    /// rc.init brings up s6-overlay's `top` bundle (base, user, user2, the legacy services): a service of
    /// the image that neither it nor anything it depends on names never starts, silently.
    static void NeverStarted(CheckContext cx, ServiceDatabase db)
    {
        if (db.Resolve(TopBundle) is not { } top) return;
        var started = db.Graph.Closure(top, Direction.Up);
        foreach (var name in cx.Root.List(Sources))
            if (db.TryFindAtomic(name, out int i) && !started[i])
                cx.Add(Finding.Warning(Kind, $"{Sources}/{name}", 0, 0,
                    $"{db.Services[i].Type.Word()} {name} is in no bundle s6-overlay brings up, so it never starts " +
                    $"(expected an empty file {Bundles}/user/contents.d/{name}, or a dependency of a service there)"));
    }

    /// The file a compiler message is about: the first path it names, else the definition of the first
    /// service it names, else the source directory; with the line and column of a syntax error. (Plain
    /// string searches: the regex engine would weigh more than this whole tool.)
    static (string File, int Line, int Column) Where(CheckContext cx, string text)
    {
        int line = Number(text, "at line "), column = Number(text, ", column ");
        foreach (var word in text.Split(' '))
        {
            var w = word.TrimEnd(':', ',');
            if (w.StartsWith("/etc/", StringComparison.Ordinal) || w.StartsWith("/package/", StringComparison.Ordinal)) return (w, line, column);
        }
        foreach (var word in text.Split(' ').Select(w => w.TrimEnd(':', ',')))
            if (word.Length > 0 && !word.Contains('/') && cx.Root.IsDirectory($"{Sources}/{word}")) return ($"{Sources}/{word}", line, column);
        return (Sources, line, column);
    }

    /// The number after marker in text, 0 when there is none.
    static int Number(string text, string marker)
    {
        int i = text.IndexOf(marker, StringComparison.Ordinal);
        if (i < 0) return 0;
        i += marker.Length;
        int end = i;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end > i ? int.Parse(text.AsSpan(i, end - i)) : 0;
    }
}
