using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// s6-overlay v3's first steps as PID 1 (spec §2.2, §2.3, §10, §11): s6-overlay-suexec running
/// libexec/preinit, booted straight (no stage0) with a command after it. Non-root containers are made
/// by a root PID 1 shell that shapes /run and then execs s6-applyuidgid into suexec (docker run -u):
/// our suexec has no setuid bit, so these are the spec's no-suid cases.
public class V3PreinitTests
{
    const string Preinit = "/package/admin/s6-overlay-3.2.3.2/libexec/preinit";
    const string P = "/package/admin/s6-overlay/libexec/preinit: ";
    const string Show = "stat -c '%a %U:%G %n' /run /run/s6 /run/service; readlink /var/run";
    const string RootPre = P + "info: container permissions: uid=0 (root), euid=0, gid=0 (root), egid=0\n" +
        P + "info: /run permissions: uid=0 (root), gid=0 (root), perms=oxorgxgruxuwur\n";

    static Rootfs Image()
    {
        var root = InitContainer.Image();
        File.AppendAllText(root.At("etc/passwd"), "u:x:1000:1000:u:/home/u:/bin/sh\n");
        File.AppendAllText(root.At("etc/group"), "u:x:1000:\n");
        return root;
    }

    static string[] Suexec(string then) => ["s6-overlay-suexec", " " + Preinit, "", "sh", "-c", then];

    /// As root, prepare is run by the PID 1 shell; then the container runs as uid:gid from suexec on.
    static string[] AsUser(string uidgid, string prepare, string then)
    {
        var ids = uidgid.Split(':');
        return ["sh", "-c", prepare + "; exec s6-applyuidgid -u " + ids[0] + " -g " + ids[1] + " -G '' s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"", then];
    }

    static Ran Boot(Rootfs root, string[] argv, Dictionary<string, string>? env = null, bool readOnlyRoot = false) =>
        EndToEnd.Boot.Run(root, argv, env, TimeSpan.FromSeconds(60), readOnlyRoot: readOnlyRoot);

    static string UserPre(string uid, string gid, string runIds, string perms) =>
        P + $"info: container permissions: uid={uid}, euid={uid.Split(' ')[0]}, gid={gid}, egid={gid.Split(' ')[0]}\n" +
        P + $"info: /run permissions: {runIds}, perms={perms}\n";

    [Fact]
    public void S2_3_the_stale_runtime_tree_is_wiped_before_the_normal_init_runs()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "mkdir -p /run/s6/stale /run/uncaught-logs /run/s6-rc:x /run/other; touch /run/s6-rc /run/s6-rcfoo; " +
            "exec s6-overlay-suexec ' " + Preinit + "' '' sh -c 'ls -A /run /run/s6'"]);
        AssertRan("/run:\nother\ns6\nservice\n\n/run/s6:\n", RootPre, 0, r);
    }

    [Fact]
    public void S2_2_the_root_block_alone_gets_the_id_variables_and_the_normal_init_the_original_environment()
    {
        using var root = Image();
        var r = Boot(root, ["s6-overlay-suexec", " sh", " -c", " env | grep -E '^(E?(UID|GID|USER|GROUP)|GIDLIST)=' | sort", "",
            "sh", "-c", "echo --; env | grep -E '^(E?(UID|GID|USER|GROUP)|GIDLIST)=' | sort"], Env("GIDLIST=1,2", "USER=someone"));
        AssertRan("EGID=0\nEGROUP=root\nEUID=0\nEUSER=root\nGID=0\nGROUP=root\nUID=0\nUSER=root\n--\nGIDLIST=1,2\nUSER=someone\n",
            "", 0, r);
    }

    [Fact]
    public void S41_as_root_a_run_owned_by_another_uid_is_given_back_to_root()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "chown 1000:1000 /run; chmod 0700 /run; exec s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"", Show]);
        AssertRan("755 root:root /run\n755 root:root /run/s6\n755 root:root /run/service\n../run\n",
            P + "info: container permissions: uid=0 (root), euid=0, gid=0 (root), egid=0\n" +
            P + "info: /run permissions: uid=1000 (u), gid=1000 (u), perms=uxuwur\n" +
            P + "info: /run belongs to uid 1000 instead of 0 - fixing it\n", 0, r);
    }

    [Fact]
    public void S41_a_user_container_whose_run_it_owns_boots_without_privileges()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chown 1000:1000 /run", "id; " + Show));
        AssertRan("uid=1000(u) gid=1000(u) groups=1000(u)\n755 u:u /run\n755 u:u /run/s6\n755 u:u /run/service\n../run\n",
            UserPre("1000 (u)", "1000 (u)", "uid=1000 (u), gid=1000 (u)", "oxorgxgruxuwur"), 0, r);
    }

    [Fact]
    public void S42_a_user_container_with_a_root_owned_0755_run_stops_with_the_fatal_line()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chmod 0755 /run", Show));
        AssertRan("", UserPre("1000 (u)", "1000 (u)", "uid=0 (root), gid=0 (root)", "oxorgxgruxuwur") +
            P + "fatal: /run belongs to uid 0 instead of 1000, has insecure and/or unworkable permissions, and we're lacking the privileges to fix it.\n" +
            "s6-overlay-suexec: fatal: child failed with exit code 100\n", 100, r);
    }

    [Fact]
    public void S43_a_sticky_world_writable_root_owned_run_is_used_in_single_uid_mapping()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chmod 1777 /run", "id; " + Show));
        AssertRan("uid=1000(u) gid=1000(u) groups=1000(u)\n1777 root:root /run\n755 u:u /run/s6\n755 u:u /run/service\n../run\n",
            UserPre("1000 (u)", "1000 (u)", "uid=0 (root), gid=0 (root)", "oxoworgxgwgruxuwuros") +
            P + "warning: /run belongs to uid 0 instead of 1000, but we can still work in single-uid mapping.\n", 0, r);
    }

    [Fact]
    public void S44_a_world_writable_run_without_the_sticky_bit_is_refused()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chmod 0777 /run", Show));
        AssertRan("", UserPre("1000 (u)", "1000 (u)", "uid=0 (root), gid=0 (root)", "oxoworgxgwgruxuwur") +
            P + "fatal: /run belongs to uid 0 instead of 1000, has insecure and/or unworkable permissions, and we're lacking the privileges to fix it.\n" +
            "s6-overlay-suexec: fatal: child failed with exit code 100\n", 100, r);
    }

    [Fact]
    public void S45_a_world_writable_run_is_accepted_when_the_kubernetes_variable_says_so()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chmod 0777 /run", Show), Env("S6_YES_I_WANT_A_WORLD_WRITABLE_RUN_BECAUSE_KUBERNETES=1"));
        AssertRan("777 root:root /run\n755 u:u /run/s6\n755 u:u /run/service\n../run\n",
            UserPre("1000 (u)", "1000 (u)", "uid=0 (root), gid=0 (root)", "oxoworgxgwgruxuwur") +
            P + "warning: /run belongs to uid 0 instead of 1000, IS WORLD WRITABLE, and we're lacking the privileges to fix it, but we have been instructed to accept it.\n", 0, r);
    }

    [Fact]
    public void S46_a_gid_0_user_works_in_a_group_writable_root_group_run()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:0", "chmod 0775 /run", "id; " + Show));
        AssertRan("uid=1000(u) gid=0(root) groups=0(root)\n775 root:root /run\n755 u:root /run/s6\n755 u:root /run/service\n../run\n",
            UserPre("1000 (u)", "0 (root)", "uid=0 (root), gid=0 (root)", "oxorgxgwgruxuwur") + P + "info: using /run with gid 0\n", 0, r);
    }

    [Fact]
    public void S47_a_gid_0_user_refuses_a_world_writable_run()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:0", "chmod 0777 /run", Show));
        AssertRan("", UserPre("1000 (u)", "0 (root)", "uid=0 (root), gid=0 (root)", "oxoworgxgwgruxuwur") +
            P + "fatal: wrong permissions on /run for a gid 0 setup\ns6-overlay-suexec: fatal: child failed with exit code 100\n", 100, r);
    }

    [Fact]
    public void S48_an_accepted_group_writable_run_the_user_cannot_write_to_fails_at_mkdir()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chmod 02775 /run", Show), Env("S6_YES_I_WANT_A_WORLD_WRITABLE_RUN_BECAUSE_KUBERNETES=1"));
        AssertRan("", UserPre("1000 (u)", "1000 (u)", "uid=0 (root), gid=0 (root)", "oxorgxgwgruxuwurgs") +
            P + "warning: /run belongs to uid 0 instead of 1000, is GROUP WRITABLE, and we're lacking the privileges to fix it, but we have been instructed to accept it.\n" +
            "s6-mkdir: warning: unable to mkdir /run/s6: Permission denied\ns6-mkdir: warning: unable to mkdir /run/service: Permission denied\n" +
            "s6-overlay-suexec: fatal: child failed with exit code 111\n", 111, r);
    }

    [Fact]
    public void S49_suexec_refuses_to_run_when_it_is_not_pid_1()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "s6-overlay-suexec ' " + Preinit + "' '' echo ran; echo rc=$?"]);
        AssertRan("rc=100\n", "s6-overlay-suexec: fatal: can only run as pid 1\n", 0, r);
    }

    [Theory]
    [InlineData(new[] { "s6-overlay-suexec" }, "s6-overlay-suexec: usage: s6-overlay-suexec { root_block... } normal_init...\n")]
    [InlineData(new[] { "s6-overlay-suexec", " true" }, "s6-overlay-suexec: fatal: unterminated block\n")]
    [InlineData(new[] { "s6-overlay-suexec", "", "true" }, "s6-overlay-suexec: fatal: empty block\n")]
    [InlineData(new[] { "s6-overlay-suexec", " true", "" }, "s6-overlay-suexec: fatal: empty remainder\n")]
    public void S2_2_suexec_usage_and_block_errors_exit_100(string[] argv, string stderr)
    {
        using var root = Image();
        AssertRan("", stderr, 100, Boot(root, argv));
    }

    [Fact]
    public void S2_2_a_root_block_killed_by_a_signal_stops_with_128_plus_it()
    {
        using var root = Image();
        var r = Boot(root, ["s6-overlay-suexec", " sh", " -c", " kill -9 $$", "", "echo", "never"]);
        AssertRan("", "s6-overlay-suexec: fatal: child crashed with signal 9\n", 137, r);
    }

    [Fact]
    public void S2_2_a_failing_root_block_stops_with_its_exit_code()
    {
        using var root = Image();
        var r = Boot(root, ["s6-overlay-suexec", " sh", " -c", " exit 7", "", "echo", "never"]);
        AssertRan("", "s6-overlay-suexec: fatal: child failed with exit code 7\n", 7, r);
    }

    [Fact]
    public void S2_3_S6_VERBOSITY_1_keeps_warnings_and_0_only_fatal_lines()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "chmod 1777 /run", "echo up"), Env("S6_VERBOSITY=1"));
        AssertRan("up\n", P + "warning: /run belongs to uid 0 instead of 1000, but we can still work in single-uid mapping.\n", 0, r);
        r = Boot(root, AsUser("1000:1000", "chmod 1777 /run", "echo up"), Env("S6_VERBOSITY=0"));
        AssertRan("up\n", "", 0, r);
    }

    [Fact]
    public void S50_a_read_only_root_with_a_writable_run_boots_and_says_so()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "umount /var; exec s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"", "touch /x; echo ok"],
            Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan("ok\n", P + "info: read-only root\n" + P + "info: writable /run. Checking for executability.\n" + RootPre +
            "touch: /x: Read-only file system\n", 0, r);
    }

    [Fact]
    public void S51_a_read_only_root_without_a_run_tmpfs_gets_one_when_preinit_may_mount()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "umount /var; umount /run; exec s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"",
            "grep ' /run ' /proc/mounts | cut -d' ' -f1-3; " + Show], Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan("tmpfs /run tmpfs\n755 root:root /run\n755 root:root /run/s6\n755 root:root /run/service\n../run\n",
            P + "info: read-only root\n" + P + "info: creating a tmpfs on /run\n" + RootPre, 0, r);
    }

    [Fact]
    public void S51_a_read_only_run_that_cannot_be_mounted_over_stops_with_a_clear_fatal_line()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "umount /var; mount -o remount,ro /run", "echo never"), Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan("", P + "info: read-only root\n" + P + "info: creating a tmpfs on /run\n" +
            P + "fatal: /run is not writable (Read-only file system) and a tmpfs cannot be mounted on it (Operation not permitted): " +
            "give the container a writable /run that allows exec (e.g. --tmpfs /run:exec)\n" +
            "s6-overlay-suexec: fatal: child failed with exit code 100\n", 100, r);
    }

    [Fact]
    public void S52_a_noexec_run_that_cannot_be_remounted_gets_the_warning()
    {
        using var root = Image();
        var r = Boot(root, AsUser("1000:1000", "umount /var; chmod 1777 /run; mount -o remount,noexec /run", "echo up"),
            Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan("up\n", P + "info: read-only root\n" + P + "info: writable /run. Checking for executability.\n" +
            P + "warning: your container manager pre-mounts run with the incorrect noexec option, which s6-overlay cannot work with; " +
            "expect /init to crash soon. To fix the issue, either pre-mount /run with the exec option, or as a workaround give " +
            "this container the CAP_SYS_ADMIN capability so s6-overlay can fix it at run time.\n" +
            UserPre("1000 (u)", "1000 (u)", "uid=0 (root), gid=0 (root)", "oxoworgxgwgruxuwuros") +
            P + "warning: /run belongs to uid 0 instead of 1000, but we can still work in single-uid mapping.\n", 0, r);
    }

    [Fact]
    public void S52_as_root_a_noexec_run_is_remounted_exec()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "umount /var; mount -o remount,noexec /run; exec s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"",
            "grep -c ' /run .*noexec' /proc/mounts"], Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan("0\n", P + "info: read-only root\n" + P + "info: writable /run. Checking for executability.\n" + RootPre, 1, r);
    }

    [Fact]
    public void S53_a_read_only_root_with_a_run_tmpfs_boots_without_the_variable()
    {
        using var root = Image();
        var r = Boot(root, ["sh", "-c", "umount /var; exec s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"", Show], readOnlyRoot: true);
        AssertRan("755 root:root /run\n755 root:root /run/s6\n755 root:root /run/service\n../run\n", RootPre, 0, r);
    }

    [Fact]
    public void S54a_a_var_run_directory_is_replaced_by_a_link_to_run()
    {
        using var root = Image();
        File.Delete(root.At("var/run"));
        Directory.CreateDirectory(root.At("var/run/old"));
        var r = Boot(root, Suexec("readlink /var/run"));
        AssertRan("/run\n", RootPre + P + "warning: /var/run is not a symlink to /run, fixing it\n", 0, r);
    }

    [Fact]
    public void S54b_on_a_read_only_root_a_var_run_directory_stops_the_container()
    {
        using var root = Image();
        File.Delete(root.At("var/run"));
        Directory.CreateDirectory(root.At("var/run"));
        var r = Boot(root, ["sh", "-c", "umount /var; exec s6-overlay-suexec ' " + Preinit + "' '' sh -c \"$0\"", "echo never"],
            Env("S6_READ_ONLY_ROOT=1"), readOnlyRoot: true);
        AssertRan("", P + "info: read-only root\n" + P + "info: writable /run. Checking for executability.\n" + RootPre +
            P + "warning: /var/run is not a symlink to /run, fixing it\n" +
            "s6-rmrf: fatal: unable to remove /var/run: Read-only file system\ns6-overlay-suexec: fatal: child failed with exit code 111\n", 111, r);
    }
}
