using System.Diagnostics;

namespace Execline.Tests.EndToEnd;

/// s6-overlay v2's banners (spec §3), line by line, to build expected transcripts from.
public static class Banners
{
    static readonly string[] BootLines =
    [
        "[s6-init] making user provided files available at /var/run/s6/etc...exited 0.",
        "[s6-init] ensuring user provided files have correct perms...exited 0.",
        "[fix-attrs.d] applying ownership & permissions fixes...",
        "[fix-attrs.d] done.",
        "[cont-init.d] executing container initialization scripts...",
        "[cont-init.d] done.",
        "[services.d] starting services",
        "[services.d] done.",
    ];

    static readonly string[] FinLines =
    [
        "[cont-finish.d] executing container finish scripts...",
        "[cont-finish.d] done.",
        "[s6-finish] waiting for services.",
        "[s6-finish] sending all processes the TERM signal.",
        "[s6-finish] sending all processes the KILL signal and exiting.",
    ];

    /// BOOT lines first to last (1-based, as the spec's "BOOT 1-5").
    public static string Boot(int first = 1, int last = 8) => Lines(BootLines, first, last);
    public static string Fin(int first = 1, int last = 5) => Lines(FinLines, first, last);

    static string Lines(string[] lines, int first, int last) =>
        string.Concat(lines.Skip(first - 1).Take(last - first + 1).Select(l => l + "\n"));
}

/// A busybox image with our tarball extracted onto it, booted with /init as PID 1 (docker run's shape).
public static class InitContainer
{
    public static Rootfs Image() => Rootfs.Busybox().WithOverlay();

    public static Dictionary<string, string> Env(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public static Ran Run(Rootfs root, string[] cmd, Dictionary<string, string>? env = null, int seconds = 180,
        bool readOnlyRoot = false) =>
        Boot.Run(root, ["/init", .. cmd], env, TimeSpan.FromSeconds(seconds), readOnlyRoot: readOnlyRoot);

    public static Booted Start(Rootfs root, string[] cmd, Dictionary<string, string>? env = null) =>
        Boot.Start(root, ["/init", .. cmd], env);

    /// Waits until a file the container writes (path inside the image) exists, as the sign a step is reached.
    public static void AwaitFile(Rootfs root, string path, int seconds = 180)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(root.At(path)))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException(path + " never appeared");
            Thread.Sleep(20);
        }
    }

    public static void AssertRan(string stdout, string stderr, int code, Ran r)
    {
        Assert.False(r.TimedOut, "timed out; stdout so far:\n" + r.Out + "\nstderr:\n" + r.Err);
        Assert.True(stdout == r.Out, $"stdout differs; expected:\n{stdout}\nactual:\n{r.Out}\nstderr:\n{r.Err}");
        Assert.Equal(stderr, r.Err);
        Assert.Equal(code, r.ExitCode);
    }
}
