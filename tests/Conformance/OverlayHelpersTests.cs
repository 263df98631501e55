using System.Text;

namespace Execline.Tests.Conformance;

/// s6-overlay's helpers (scripts/rootfs and the fix-attrs builtin), run with our commands. Each test runs in
/// a mount namespace of its own with a tmpfs on /run, so /var/run/s6/container_environment is the test's.
/// $S is the directory of the helper scripts; they are started as the kernel would from their #! line.
public class OverlayHelpersTests
{
    static readonly string Scripts = Path.Combine(Sandbox.RepoRoot, "scripts/rootfs/usr/bin");

    static (string Out, string Err, int Code) InContainer(string snippet)
    {
        var r = Sandbox.Execute("ours", $"""
            cat > test.sh <<'SNIPPET'
            mount -t tmpfs none /run || exit 99
            mkdir -p /var/run/s6/container_environment
            S={Scripts}
            E=/var/run/s6/container_environment
            {snippet}
            SNIPPET
            unshare -m sh ./test.sh
            """);
        return (Encoding.Latin1.GetString(r.Stdout), Encoding.Latin1.GetString(r.Stderr), r.ExitCode);
    }

    [Fact]
    public void With_contenv_hands_a_one_mebibyte_value_to_an_execline_chain_intact()
    {
        var r = InContainer("""
            head -c 1048576 /dev/zero | tr '\0' y > $E/BIG
            execlineb -S0 $S/with-contenv importas -u BIG BIG s6-echo -n -- '$BIG' > out
            wc -c < out; tr -d y < out | wc -c
            """);
        Assert.Equal(("1048576\n0\n", "", 0), r);
    }

    [Fact]
    public void With_contenv_hands_a_value_far_past_4_KiB_to_an_external_program()
    {
        // 128 KiB is the kernel's limit for one string of a program's environment
        var r = InContainer("""
            head -c 120000 /dev/zero | tr '\0' z > $E/MID; printf /usr/bin:/bin > $E/PATH
            execlineb -S0 $S/with-contenv sh -c 'echo ${#MID}; printf %s "$MID" | tr -d z | wc -c'
            """);
        Assert.Equal(("120000\n0\n", "", 0), r);
    }

    [Fact]
    public void With_contenv_keeps_newlines_and_bytes_that_are_not_utf8()
    {
        var r = InContainer("""
            printf 'a\nb\n\n' > $E/NL; printf '\377\376 x\r' > $E/BIN; printf /usr/bin:/bin > $E/PATH
            execlineb -S0 $S/with-contenv sh -c 'printf %s "$NL" | od -An -c; printf %s "$BIN" | od -An -c'
            """);
        Assert.Equal(("   a  \\n   b  \\n  \\n\n 377 376       x  \\r\n", "", 0), r);
    }

    [Fact]
    public void With_contenv_replaces_the_environment_by_the_saved_one()
    {
        var r = InContainer("""
            printf /usr/bin:/bin > $E/PATH; : > $E/EMPTY; printf 'p\0q' > $E/NUL; echo h > $E/.hidden; echo x > $E/A=B
            X=1 execlineb -S0 $S/with-contenv /usr/bin/env | sort
            """);
        Assert.Equal(("EMPTY=\nNUL=p\nPATH=/usr/bin:/bin\n", "", 0), r);
    }

    [Fact]
    public void With_contenv_with_S6_KEEP_ENV_set_runs_the_program_unchanged()
    {
        var r = InContainer("""
            echo saved > $E/X
            env -i PATH=$PATH S6_KEEP_ENV=1 X=live execlineb -S0 $S/with-contenv /usr/bin/env | grep -v ^PATH=
            """);
        Assert.Equal(("S6_KEEP_ENV=1\nX=live\n", "", 0), r);
    }

    [Fact]
    public void With_contenv_without_a_program_is_exec_s_usage_error_unless_the_environment_is_kept()
    {
        var r = InContainer("""
            execlineb -S0 $S/with-contenv; echo rc=$?; S6_KEEP_ENV=1 execlineb -S0 $S/with-contenv; echo rc=$?
            """);
        Assert.Equal(("rc=100\nrc=0\n", "exec: usage: exec [ -c ] [ -l ] [ -a argv0 ] prog...\n", 0), r);
    }

    [Fact]
    public void Printcontenv_prints_saved_values_with_one_newline_and_fails_for_missing_ones()
    {
        var r = InContainer("""
            printf 'line1\nline2\n' > $E/V; printf 'one' > $E/W; : > $E/EMPTY
            for n in V W EMPTY NOPE; do execlineb -S0 $S/printcontenv $n; echo "rc=$?"; done
            execlineb -S0 $S/printcontenv; echo "rc=$?"
            """);
        Assert.Equal(("line1\nline2\nrc=0\none\nrc=0\n\nrc=0\nrc=1\nrc=1\n", "", 0), r);
    }

    [Fact]
    public void Printcontenv_with_S6_KEEP_ENV_prints_live_values_without_a_newline()
    {
        var r = InContainer("""
            export S6_KEEP_ENV=1 V=value EMPTY=
            for n in V EMPTY NOPE; do execlineb -S0 $S/printcontenv $n; echo "rc=$?"; done
            execlineb -S0 $S/printcontenv; echo "rc=$?"
            """);
        Assert.Equal(("valuerc=0\nrc=0\nrc=100\nrc=1\n", "", 0), r);
    }

    static string Owners(string snippet) => InContainer(snippet).Out;

    [Theory]
    [InlineData("daemon", "1:1")]
    [InlineData("daemon,3:4", "1:1")]
    [InlineData("1:1,3:4", "1:1")]
    [InlineData("daemon:11111,3:4", "1:11111")]
    [InlineData("11111:daemon,3:4", "11111:1")]
    [InlineData("daemon:unexisting,3:4", "1:4")]
    [InlineData("unexisting:daemon,3:4", "3:1")]
    [InlineData("nobody:", "65534:0")]
    [InlineData("unexisting,7:8", "7:8")]
    [InlineData("daemon:adm", "1:4")]
    public void Fix_attrs_resolves_every_account_form_of_the_readme(string account, string owner)
    {
        var r = InContainer($"""
            touch f; echo "$PWD/f false {account} 0600 -" | fix-attrs; echo "rc=$?"; stat -c %u:%g:%a f
            """);
        Assert.Equal(($"rc=0\n{owner}:600\n", "", 0), r);
    }

    [Theory]
    [InlineData("11111", "unknown user: 11111")]
    [InlineData("unexisting", "unknown user: unexisting")]
    [InlineData("unexisting:unexisting", "unknown group: unexisting")]
    public void Fix_attrs_skips_a_line_whose_account_is_unknown_with_upstream_s_message(string account, string error)
    {
        var r = InContainer($"""
            touch f g; printf '%s\n' "$PWD/f false {account} 0600 -" "$PWD/g false daemon 0600 -" | fix-attrs; echo "rc=$?"
            stat -c %u:%g:%a f g
            """);
        Assert.Equal(("rc=0\n0:0:644\n1:1:600\n", $"s6-envuidgid: fatal: {error}\n", 0), r);
    }

    [Fact]
    public void Fix_attrs_recurses_into_directories_with_file_and_directory_modes_and_leaves_symlinks_alone()
    {
        // s6-overlay v2 enters a symlinked directory and changes what it points to: see the next tests
        var r = InContainer("""
            mkdir -p t/d/e other; touch t/f t/d/g t/d/e/h other/i; ln -s ../other t/link
            echo "$PWD/t true daemon:adm 0640 0750" | fix-attrs; echo "rc=$?"
            cd t && stat -c '%n %u:%g:%a' . f d d/g d/e d/e/h ../other ../other/i && stat -c '%n %u:%g' link
            """);
        Assert.Equal(("rc=0\n. 1:4:750\nf 1:4:640\nd 1:4:750\nd/g 1:4:640\nd/e 1:4:750\nd/e/h 1:4:640\n"
            + "../other 0:0:755\n../other/i 0:0:644\nlink 0:0\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_never_hands_the_target_of_a_link_planted_in_a_tree_to_the_rule_s_owner()
    {
        // s6-overlay v2 follows it: a link to /etc/shadow in a tree fixed for nobody gives it /etc/shadow
        var r = InContainer("""
            mkdir t; touch t/f secret; chmod 600 secret; ln -s ../secret t/shadow; ln -s "$PWD/secret" t/abs
            echo "$PWD/t true nobody 0644 0755" | fix-attrs; echo "rc=$?"
            stat -c '%n %u:%a' secret t/f; stat -c '%n %u' t/shadow t/abs
            """);
        Assert.Equal(("rc=0\nsecret 0:600\nt/f 65534:644\nt/shadow 0\nt/abs 0\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_ends_at_once_on_links_to_their_own_directories_and_on_a_loop_of_links()
    {
        // s6-overlay v2 enters t/self/self/up/self/... : 164k error lines in 20 s
        var r = InContainer("""
            mkdir -p t/d; ln -s . t/self; ln -s .. t/d/up; ln -s b t/a; ln -s a t/b
            echo "$PWD/t true daemon 0600 0700" | timeout 5 fix-attrs; echo "rc=$?"
            stat -c '%n %u:%a' t t/d
            """);
        Assert.Equal(("rc=0\nt 1:700\nt/d 1:700\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_visits_each_inode_once_so_a_read_only_view_of_the_tree_inside_it_adds_no_error()
    {
        var r = InContainer("""
            mkdir -p t/d/view; touch t/f; mount --bind t t/d/view; mount -o remount,ro,bind t/d/view
            echo "$PWD/t true daemon 0600 0700" | timeout 5 fix-attrs; echo "rc=$?"
            stat -c '%n %u:%a' t t/f t/d
            """);
        Assert.Equal(("rc=0\nt 1:700\nt/f 1:600\nt/d 1:700\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_follows_a_link_the_rule_names_but_not_one_a_wildcard_matches()
    {
        var r = InContainer("""
            mkdir real; touch real/f; ln -s real named
            echo "$PWD/nam* true daemon 0600 0700" | fix-attrs; stat -c '%n %u:%a' real real/f
            echo "$PWD/named true daemon 0600 0700" | fix-attrs; stat -c '%n %u:%a' real real/f; stat -c '%n %u' named
            """);
        Assert.Equal(("real 0:755\nreal/f 0:644\nreal 1:700\nreal/f 1:600\nnamed 0\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_without_recursion_changes_only_the_matches_and_a_dash_keeps_the_mode()
    {
        var r = InContainer("""
            mkdir -p d; touch d/f a.conf b.conf; chmod 700 d
            printf '%s\n' "$PWD/d false daemon - 0755" "$PWD/*.conf yes daemon 0600 -" "$PWD/none* true daemon 0600 -" | fix-attrs; echo "rc=$?"
            stat -c '%n %u:%a' d d/f a.conf b.conf
            """);
        Assert.Equal(("rc=0\nd 1:755\nd/f 0:644\na.conf 1:600\nb.conf 1:600\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_skips_hidden_entries_unless_S6_FIX_ATTRS_HIDDEN_is_set()
    {
        var r = InContainer("""
            mkdir -p d/.dir; touch d/.dot d/.dir/x d/plain
            echo "$PWD/d true daemon 0600 0700" | fix-attrs; stat -c '%n %u' d/.dot d/.dir d/.dir/x d/plain
            echo 1 > $E/S6_FIX_ATTRS_HIDDEN
            echo "$PWD/d true nobody 0600 0700" | fix-attrs; stat -c '%n %u' d/.dot d/.dir d/.dir/x d/plain
            echo 0 > $E/S6_FIX_ATTRS_HIDDEN
            echo "$PWD/d true daemon 0600 0700" | S6_KEEP_ENV=1 S6_FIX_ATTRS_HIDDEN=1 fix-attrs; stat -c '%n %u' d/.dot
            """);
        Assert.Equal(("d/.dot 0\nd/.dir 0\nd/.dir/x 0\nd/plain 1\n"
            + "d/.dot 65534\nd/.dir 65534\nd/.dir/x 65534\nd/plain 65534\n"
            + "d/.dot 1\n", "", 0), r);
    }

    [Fact]
    public void Fix_attrs_reports_malformed_lines_with_file_and_line_and_applies_the_rest()
    {
        var r = InContainer("""
            touch f g h
            printf '%s\n' "$PWD/f false daemon" "" "$PWD/g false daemon 0600 - extra" "$PWD/g false daemon 0690 -" \
              "$PWD/g false daemon - x" "$PWD/g false daemon,1:x 0600 -" "$PWD/h	false   daemon 0600 -" > rules
            fix-attrs < rules; echo "rc=$?"; stat -c '%n %u:%a' f g h
            """);
        var rules = "/" + "rules";
        Assert.Equal(0, r.Code);
        Assert.Equal("rc=0\nf 0:644\ng 0:644\nh 1:600\n", r.Out);
        var file = r.Err.Split(rules)[0].Split(' ').Last() + rules;
        Assert.Equal(
            $"fix-attrs: warning: {file} line 1: 3 fields instead of 5 (path recurse account fmode dmode), line skipped\n"
            + $"fix-attrs: warning: {file} line 3: 6 fields instead of 5 (path recurse account fmode dmode), line skipped\n"
            + $"fix-attrs: warning: {file} line 4: invalid file mode: 0690, line skipped\n"
            + $"fix-attrs: warning: {file} line 5: invalid directory mode: x, line skipped\n"
            + $"fix-attrs: warning: {file} line 6: invalid fallback uid:gid: 1:x, line skipped\n", r.Err);
    }

    [Fact]
    public void Fix_attrs_exits_1_on_empty_input_and_ignores_an_unterminated_last_line()
    {
        var r = InContainer("""
            touch f
            printf '' | fix-attrs; echo "rc=$?"
            printf '%s' "$PWD/f false daemon 0600 -" | fix-attrs; echo "rc=$?"
            printf '%s\n%s' "$PWD/f false daemon 0600 -" "$PWD/f false nobody 0640 -" | fix-attrs; echo "rc=$?"
            stat -c '%u:%a' f
            """);
        Assert.Equal(("rc=1\nrc=1\nrc=0\n1:600\n", "", 0), r);
    }

    [Fact]
    public void With_retries_stops_at_the_first_success()
    {
        var r = InContainer("""
            execlineb $S/with-retries -n 5 sh -c 'echo run >> runs; [ $(wc -l < runs) -ge 2 ]'; echo "rc=$? runs=$(wc -l < runs)"
            """);
        Assert.Equal(("rc=0 runs=2\n", "", 0), r);
    }

    [Fact]
    public void With_retries_gives_up_with_1_after_three_failures_by_default_whatever_the_code()
    {
        var r = InContainer("""
            execlineb $S/with-retries sh -c 'echo run; exit 3'; echo "rc=$?"
            """);
        Assert.Equal(("run\nrun\nrun\nrc=1\n", "", 0), r);
    }

    [Fact]
    public void With_retries_with_no_tries_exits_1_without_running_the_program()
    {
        var r = InContainer("""
            execlineb $S/with-retries -n 0 -t 1000 sh -c 'echo run'; echo "rc=$?"
            """);
        Assert.Equal(("rc=1\n", "", 0), r);
    }

    [Fact]
    public void With_retries_leaves_none_of_its_variables_to_the_program()
    {
        var r = InContainer("""
            execlineb $S/with-retries -n 1 -t 2000 /usr/bin/env | grep -e ^ELGETOPT -e ^attempt= -e '^#' -e '^[0-9]' -e '^?'; echo "rc=$?"
            """);
        Assert.Equal(("rc=1\n", "", 0), r);
    }

    [Fact]
    public void Logutil_service_without_a_logdir_exits_1_silently()
    {
        var r = InContainer("""
            execlineb $S/logutil-service; echo "rc=$?"; execlineb $S/logutil-service -f fifo; echo "rc=$?"
            """);
        Assert.Equal(("rc=1\nrc=1\n", "", 0), r);
    }

    [Fact]
    public void Logutil_service_hands_the_logdir_to_logutil_service_main_with_the_fifo_as_stdin()
    {
        var r = InContainer("""
            mkdir bin; printf '#!/bin/sh\necho "main $# $1 $(cat)"\n' > bin/logutil-service-main; chmod 755 bin/logutil-service-main
            mkfifo fifo; (echo from fifo > fifo &)
            PATH=$PWD/bin:$PATH; echo from stdin | execlineb $S/logutil-service /var/log/x; execlineb $S/logutil-service -f fifo /var/log/y
            """);
        Assert.Equal(("main 1 /var/log/x from stdin\nmain 1 /var/log/y from fifo\n", "", 0), r);
    }
}
