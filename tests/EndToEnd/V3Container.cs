using System.Diagnostics;

namespace Execline.Tests.EndToEnd;

/// Images of s6-overlay v3 booted on our tarball, and the transcripts of spec §0.3 to expect from them
/// (../shared/spec/s6-overlay-v3.md; the S-numbers in the test names are its §16 scenarios).
public static class V3
{
    const string P = "/package/admin/s6-overlay/libexec/preinit: ";
    public const string Pre = P + "info: container permissions: uid=0 (root), euid=0, gid=0 (root), egid=0\n" +
        P + "info: /run permissions: uid=0 (root), gid=0 (root), perms=oxorgxgruxuwur\n";
    public const string Empty = "s6-rc-compile: warning: source /etc/s6-overlay/s6-rc.d is empty\n";
    public const string Up =
        "s6-rc: info: service s6rc-oneshot-runner: starting\n" +
        "s6-rc: info: service fix-attrs: starting\n" +
        "s6-rc: info: service s6rc-oneshot-runner successfully started\n" +
        "s6-rc: info: service legacy-cont-init: starting\n" +
        "s6-rc: info: service fix-attrs successfully started\n" +
        "s6-rc: info: service legacy-services: starting\n" +
        "s6-rc: info: service legacy-cont-init successfully started\n" +
        "s6-rc: info: service legacy-services successfully started\n";
    public const string Down =
        "s6-rc: info: service legacy-services: stopping\n" +
        "s6-rc: info: service legacy-cont-init: stopping\n" +
        "s6-rc: info: service legacy-services successfully stopped\n" +
        "s6-rc: info: service fix-attrs: stopping\n" +
        "s6-rc: info: service legacy-cont-init successfully stopped\n" +
        "s6-rc: warning: service s6rc-oneshot-runner is marked as essential, not stopping it\n" +
        "s6-rc: info: service fix-attrs successfully stopped\n";
    public const string Boot = Pre + Empty + Up;
    public const string Rci = "/run/s6/basedir/scripts/rc.init: ";

    /// A busybox image with our tarball and a mark of v3 (/etc/s6-overlay/scripts, where v3's README puts
    /// the scripts of its services), nothing else of its own.
    public static Rootfs Image()
    {
        var root = InitContainer.Image();
        Directory.CreateDirectory(root.At("etc/s6-overlay/scripts"));
        return root;
    }

    /// An s6-rc source definition in /etc/s6-overlay/s6-rc.d: files as name => content.
    public static void Service(Rootfs root, string name, params (string File, string Content)[] files)
    {
        foreach (var (file, content) in files)
            root.Write($"etc/s6-overlay/s6-rc.d/{name}/{file}", content, file is "run" or "finish" ? "755" : "644");
    }

    public static void DependsOn(Rootfs root, string name, string dependency) =>
        root.Write($"etc/s6-overlay/s6-rc.d/{name}/dependencies.d/{dependency}", "");

    public static void InUser(Rootfs root, string name) =>
        root.Write($"etc/s6-overlay/user-bundles.d/user/contents.d/{name}", "");

    /// S6_KILL_GRACETIME=0 (the spec's G0: only timing changes) plus the pairs.
    public static Dictionary<string, string> G0(params string[] pairs) =>
        InitContainer.Env(["S6_KILL_GRACETIME=0", .. pairs]);

    public static Ran Run(Rootfs root, string[] cmd, Dictionary<string, string>? env = null) =>
        InitContainer.Run(root, cmd, env, seconds: 30);

    /// Boots and waits until the boot is over (see AwaitBoot), to signal it as docker stop and the like do.
    public static Booted StartBooted(Rootfs root, string[] cmd, Dictionary<string, string> env)
    {
        var booted = InitContainer.Start(root, cmd, env);
        AwaitBoot(booted);
        return booted;
    }

    /// Waits until a path exists inside the running container (seen through its process 1's root).
    public static void Await(Booted booted, string path, int seconds = 30)
    {
        var at = $"/proc/{booted.HostPid1}/root{path}";
        var clock = Stopwatch.StartNew();
        while (!File.Exists(at) && !Directory.Exists(at))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException(path + " never appeared");
            Thread.Sleep(10);
        }
    }

    /// Waits until the boot is over: s6-rc's last service (legacy-services) has made its directory, and a
    /// moment for the last lines.
    public static void AwaitBoot(Booted booted)
    {
        Await(booted, "/run/s6/legacy-services");
        Thread.Sleep(100);
    }
}
