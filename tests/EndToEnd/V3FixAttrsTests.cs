using static Execline.Tests.EndToEnd.InitContainer;

namespace Execline.Tests.EndToEnd;

/// s6-overlay v3's libexec/fix-attrs (spec §5.1): one fix-attrs.d file on stdin, run after a v3-shaped boot
/// (V3HelpersTests.V3). Deliberate differences: a directory is entered entry by entry (v3 quotes the whole
/// listing as one name, so a directory of two entries or more aborts the file), and links met there are
/// not followed (as our v2 fix-attrs).
public class V3FixAttrsTests
{
    const string FixAttrs = "/package/admin/s6-overlay-3.2.3.2/libexec/fix-attrs";
    const string Stat = "stat -c '%u:%g %a %n' ";

    static Rootfs Tree()
    {
        var root = Image();
        root.Write("data/f1", "");
        root.Write("data/.dot", "");
        Directory.CreateDirectory(root.At("data/sub"));
        root.Write("data1/only", "");
        Directory.CreateDirectory(root.At("data2"));
        return root;
    }

    [Fact]
    public void S67_every_line_is_applied_and_a_directory_of_several_entries_is_entered_entry_by_entry()
    {
        using var root = Tree();
        root.Write("etc/fix-attrs.d/01-test", "/data2 false daemon:nogroup 0600 0700\n/data1 true nobody 0640 0750\n" +
            "/data true nobody,32768:32768 0640 0750\n/data2 false daemon 0600 0711\n");
        var r = V3HelpersTests.V3(root, FixAttrs + " < /etc/fix-attrs.d/01-test; echo rc=$?; " +
            Stat + "/data /data/f1 /data/sub /data/.dot /data1 /data1/only /data2");
        AssertRan("rc=0\n65534:65534 750 /data\n65534:65534 640 /data/f1\n65534:65534 750 /data/sub\n0:0 644 /data/.dot\n" +
            "65534:65534 750 /data1\n65534:65534 640 /data1/only\n1:1 711 /data2\n", "", 0, r);
    }

    [Fact]
    public void S67_an_unknown_account_without_a_fallback_ends_the_file_with_1()
    {
        using var root = Tree();
        var r = V3HelpersTests.V3(root, "printf '/data2 false 1000 0600 0700\\n/data1 false nobody 0600 0700\\n' | " + FixAttrs +
            "; echo rc=$?; " + Stat + "/data1");
        AssertRan("rc=1\n0:0 755 /data1\n", "s6-envuidgid: fatal: unknown user: 1000\n", 0, r);
    }

    [Fact]
    public void Dot_entries_are_entered_when_S6_FIX_ATTRS_HIDDEN_is_set_in_the_container_environment()
    {
        using var root = Tree();
        var r = V3HelpersTests.V3(root, "echo '/data true daemon 0600 0700' | " + FixAttrs + "; echo rc=$?; " + Stat + "/data/.dot",
            "S6_FIX_ATTRS_HIDDEN=1");
        AssertRan("rc=0\n1:1 600 /data/.dot\n", "", 0, r);
    }

    [Fact]
    public void A_link_met_in_a_directory_is_left_alone_and_its_target_untouched()
    {
        using var root = Tree();
        root.Write("secret", "s", "600");
        File.CreateSymbolicLink(root.At("data/link"), "/secret");
        var r = V3HelpersTests.V3(root, "echo '/data true nobody 0644 0755' | " + FixAttrs + "; echo rc=$?; " + Stat + "/secret");
        AssertRan("rc=0\n0:0 600 /secret\n", "", 0, r);
    }

    [Fact]
    public void Comment_and_empty_lines_are_skipped_and_a_glob_that_matches_nothing_ends_the_file_with_s6_chown_s_error()
    {
        using var root = Tree();
        var r = V3HelpersTests.V3(root, "printf '# a comment\\n\\n  \\n/nomatch* true root 0 0\\n/data1 false nobody 0600 0700\\n' | " +
            FixAttrs + "; echo rc=$?; " + Stat + "/data1");
        AssertRan("rc=111\n0:0 755 /data1\n", "s6-chown: fatal: unable to chown /nomatch*: No such file or directory\n", 0, r);
    }

    [Fact]
    public void A_mode_that_is_no_octal_number_ends_the_file_only_where_a_path_needs_it()
    {
        using var root = Tree();
        var r = V3HelpersTests.V3(root, "printf '/data/f1 false daemon 0600\\n/data1 false daemon - -\\n' | " + FixAttrs + "; echo rc=$?; " +
            Stat + "/data/f1 /data1");
        AssertRan("rc=100\n1:1 600 /data/f1\n1:1 755 /data1\n", "s6-chmod: usage: s6-chmod mode file\n", 0, r);
    }

    [Fact]
    public void Backslashes_escape_as_read_without_r_does_and_a_last_line_without_newline_is_not_read()
    {
        using var root = Tree();
        root.Write("a b/x", "");
        var r = V3HelpersTests.V3(root, "printf '/a\\\\ b/x false daemon 0600 \\\\\\n0700\\n/data1 false daemon 0600 0700' | " + FixAttrs +
            "; echo rc=$?; " + Stat + "'/a b/x' /data1");
        AssertRan("rc=0\n1:1 600 /a b/x\n0:0 755 /data1\n", "", 0, r);
    }
}
