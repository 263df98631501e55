using Execline.S6;

namespace Execline.Admin.Check;

/// The crash-loop policies the supervisor will read: each service's `crash-loop` file (services.d, their
/// loggers, s6-rc longruns) and S6_CRASH_LOOP. One it cannot read leaves that service to s6's rules.
static class CrashLoopCheck
{
    public const string Kind = "crash-loop";

    public static void Run(CheckContext cx)
    {
        foreach (var dir in new[] { "/etc/services.d", "/etc/s6-overlay/s6-rc.d" })
            foreach (var name in cx.Root.List(dir))
            {
                File(cx, $"{dir}/{name}/crash-loop");
                if (dir == "/etc/services.d") File(cx, $"{dir}/{name}/log/crash-loop");
            }
        if (cx.Environment.TryGetValue("S6_CRASH_LOOP", out var value) && CrashLoopPolicy.Parse(value, out var error) == null && error != null)
            cx.Add(Finding.Error(Kind, Finding.Environment, 0, 0, $"S6_CRASH_LOOP: {error}, every service keeps s6's rules"));
    }

    static void File(CheckContext cx, string file)
    {
        if (cx.Root.Read(file) is not { } data) return;
        if (CrashLoopPolicy.Parse(Text.Bytes.Latin1(data), out var error) == null && error != null)
            cx.Add(Finding.Error(Kind, file, 0, 0, $"{error}, the service keeps s6's rules"));
    }
}
