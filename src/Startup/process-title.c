/* Renaming this process in place: the name ps, pidof and pgrep see (comm, and the argv the kernel shows in
 * /proc/self/cmdline), without the exec that would otherwise give it. Process 1 becomes s6-svscan this way
 * once stage 1 is done; the exec it replaces cost the boot some 3 ms (the whole runtime torn down and
 * started again), with stage 2 waiting for the supervisor meanwhile.
 *
 * The kernel shows the memory where it put our argv strings, up to where it put the environment's
 * strings. A new argv that fits there is written over the old one, NUL-separated, the rest zeroed. One
 * that does not continues over the environment's strings, which are first copied to the heap (environ's
 * pointers follow them); the kernel then shows one string, up to its first NUL, so the words are joined
 * by spaces there, as setproctitle(3) does. Returns 0, or -1 when there is not room enough (or no /proc):
 * the caller execs instead. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

extern char **environ;

/* Fields 48 to 51 of /proc/self/stat: arg_start, arg_end, env_start, env_end. */
static int areas(unsigned long *arg_start, unsigned long *arg_end, unsigned long *env_start, unsigned long *env_end)
{
    char buf[4096];
    int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    /* the name (field 2) is in parentheses and may hold anything, spaces and parentheses too */
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    p++;
    for (int field = 2; field < 48; field++)
    {
        p = strchr(p, ' ');
        if (!p) return -1;
        p++;
    }
    return sscanf(p, "%lu %lu %lu %lu", arg_start, arg_end, env_start, env_end) == 4 ? 0 : -1;
}

int execline_set_process_title(const char *const *argv, int argc)
{
    unsigned long arg_start, arg_end, env_start, env_end;
    if (argc < 1 || areas(&arg_start, &arg_end, &env_start, &env_end) < 0) return -1;
    size_t need = 0;
    for (int i = 0; i < argc; i++) need += strlen(argv[i]) + 1;
    size_t args = arg_end - arg_start;
    size_t room = env_start == arg_end && env_end > env_start ? env_end - arg_start : args;
    if (args == 0 || need > room) return -1;
    char *area = (char *)arg_start;
    if (need > args)
    {
        for (char **e = environ; e && *e; e++)
            if ((unsigned long)*e >= env_start && (unsigned long)*e < env_end)
            {
                char *copy = strdup(*e);
                if (!copy) return -1;
                *e = copy;
            }
    }
    size_t clear = need > args ? room : args;
    memset(area, 0, clear);
    char *w = area;
    for (int i = 0; i < argc; i++)
    {
        size_t n = strlen(argv[i]);
        memcpy(w, argv[i], n);
        w += n;
        *w++ = need > args && i + 1 < argc ? ' ' : 0;
    }
    const char *base = strrchr(argv[0], '/');
    prctl(PR_SET_NAME, base ? base + 1 : argv[0], 0, 0, 0);
    return 0;
}
