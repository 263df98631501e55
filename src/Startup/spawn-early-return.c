/* Starting a program without waiting for its exec. posix_spawn's child shares our memory and holds the
 * calling thread until it has exec'd (vfork): for the supervisor, process 1, that is 0.3-0.9 ms per
 * service during which it can do nothing else, half of its time while a boot starts fifty longruns (the
 * child's exec mostly waits for a core the services' own execs keep busy). Here the child shares our
 * memory too but runs beside us: it gets copies of everything it reads (one block), its own stack, all
 * signals blocked until it has put every disposition back to default, and makes only raw system calls
 * (it shares the calling thread's TLS, so no errno, no locks). The kernel zeroes the block's tid when
 * the child's exec or exit releases our memory (CLONE_CHILD_CLEARTID); a block is freed at a later call
 * once that has happened (or by the supervisor's loop, between two turns). What would make the exec
 * fail is looked for before the clone and returned as posix_spawn returns it (s6-supervise reports
 * those failures, it does not count a death); when the exec fails all the same (a race, E2BIG...), the
 * child exits 127 (ENOENT) or 126. The caller may watch for the exec instead of waiting for it: a pipe's
 * end of file says it happened (execline_spawn_early_return_exec_fd). x86_64 only: elsewhere the caller
 * uses posix_spawn (-ENOSYS). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)

struct block {
    struct block *next;
    volatile pid_t tid;
    pid_t pid;
    int exec_fd;
    const char *path;
    char **argv, **envp;
    int *from, *to, moves;
    int *closes, ncloses;
    int chdir_fd, setsid, pgroup;
    char *stack_top;
};

static long raw(long n, long a, long b, long c, long d)
{
    long ret;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return ret;
}

struct kernel_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    unsigned long mask;
};

/* The value of a 16-hex-digit mask after `name` at a line's start in text, or all ones. */
static unsigned long status_mask(const char *text, long n, const char *name, long len)
{
    for (long i = 0; i + len + 16 <= n; i++)
    {
        if (i > 0 && text[i - 1] != '\n') continue;
        long k = 0;
        while (k < len && text[i + k] == name[k]) k++;
        if (k < len) continue;
        unsigned long mask = 0;
        for (const char *h = text + i + len; h < text + i + len + 16; h++)
        {
            int d = *h >= '0' && *h <= '9' ? *h - '0' : *h >= 'a' && *h <= 'f' ? *h - 'a' + 10 : -1;
            if (d < 0) return ~0UL;
            mask = mask << 4 | (unsigned long)d;
        }
        return mask;
    }
    return ~0UL;
}

/* The signals this process ignores or catches (its copy of ours), bit sig-1 each: all of them when
 * /proc cannot tell. Every other one is at its default already: one read instead of a system call per
 * signal, which cost each service a tenth of a millisecond while a boot started fifty. */
static unsigned long signals_to_reset(void)
{
    char text[4096];
    long fd = raw(SYS_open, (long)"/proc/self/status", O_RDONLY | O_CLOEXEC, 0, 0), n = 0;
    if (fd < 0) return ~0UL;
    for (long r; n < (long)sizeof text && (r = raw(SYS_read, fd, (long)(text + n), (long)sizeof text - n, 0)) > 0; ) n += r;
    raw(SYS_close, fd, 0, 0, 0);
    return status_mask(text, n, "SigIgn:\t", 8) | status_mask(text, n, "SigCgt:\t", 8);
}

static int child(void *arg)
{
    struct block *b = arg;
    struct kernel_sigaction dfl = { 0 };
    unsigned long reset = signals_to_reset();
    for (long sig = 1; sig <= 64; sig++)
        if (sig != SIGKILL && sig != SIGSTOP && (reset >> (sig - 1) & 1)) raw(SYS_rt_sigaction, sig, (long)&dfl, 0, 8);
    if (b->setsid) raw(SYS_setsid, 0, 0, 0, 0);
    if (b->pgroup >= 0) raw(SYS_setpgid, 0, b->pgroup, 0, 0);
    if (b->chdir_fd >= 0 && raw(SYS_fchdir, b->chdir_fd, 0, 0, 0) < 0) raw(SYS_exit_group, 127, 0, 0, 0);
    for (int i = 0; i < b->moves; i++)
    {
        long r = b->from[i] == b->to[i] ? raw(SYS_fcntl, b->to[i], F_SETFD, 0, 0) : raw(SYS_dup2, b->from[i], b->to[i], 0, 0);
        if (r < 0) raw(SYS_exit_group, 127, 0, 0, 0);
    }
    for (int i = 0; i < b->ncloses; i++) raw(SYS_close, b->closes[i], 0, 0, 0);
    unsigned long none = 0;
    raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&none, 0, 8);
    long e = raw(SYS_execve, (long)b->path, (long)b->argv, (long)b->envp, 0);
    raw(SYS_exit_group, e == -ENOENT ? 127 : 126, 0, 0, 0);
    return 0;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct block *running;

/* Blocks whose child has exec'd or exited. */
static void sweep(void)
{
    struct block **p = &running;
    while (*p)
    {
        struct block *b = *p;
        if (__atomic_load_n(&b->tid, __ATOMIC_ACQUIRE) == 0)
        {
            *p = b->next;
            if (b->exec_fd >= 0) close(b->exec_fd);
            free(b);
        }
        else p = &b->next;
    }
}

static size_t vector_size(char *const *v, size_t *count)
{
    size_t n = 0, bytes = 0;
    for (; v[n]; n++) bytes += strlen(v[n]) + 1;
    *count = n;
    return bytes;
}

static char *copy_vector(char **to, char *const *from, size_t count, char *strings)
{
    for (size_t i = 0; i < count; i++)
    {
        size_t n = strlen(from[i]) + 1;
        memcpy(strings, from[i], n);
        to[i] = strings;
        strings += n;
    }
    to[count] = 0;
    return strings;
}

#define STACK (16 * 1024)

/* Whether binfmt_misc has formats registered (beyond its own register and status files). */
static int other_formats(void)
{
    DIR *d = opendir("/proc/sys/fs/binfmt_misc");
    if (!d) return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d)))
        found = e->d_name[0] != '.' && strcmp(e->d_name, "register") && strcmp(e->d_name, "status");
    closedir(d);
    return found;
}

/* What the exec would fail with, as far as it can be told beforehand: the file missing or not
 * executable, a #! whose interpreter is, a file that is neither a script nor an ELF program (unless
 * binfmt_misc may know its format). 0 when the exec should go through. */
static int exec_would_fail(const char *path)
{
    if (access(path, X_OK) < 0) return errno;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n < 0) return 0;
    if (n >= 4 && !memcmp(buf, "\177ELF", 4)) return 0;
    if (n >= 2 && buf[0] == '#' && buf[1] == '!')
    {
        buf[n] = 0;
        char *p = buf + 2;
        while (*p == ' ' || *p == '\t') p++;
        char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != '\n') q++;
        if (q == p) return ENOEXEC;
        *q = 0;
        return access(p, X_OK) < 0 ? errno : 0;
    }
    return other_formats() ? 0 : ENOEXEC;
}

long execline_spawn_early_return(const char *path, char *const *argv, char *const *envp, const int *from,
    const int *to, int moves, const int *closes, int ncloses, int chdir_fd, int new_session, int pgroup,
    long child_nofile)
{
    int refused = exec_would_fail(path);
    if (refused) return -refused;
    size_t argc, envc;
    size_t strings = strlen(path) + 1 + vector_size(argv, &argc) + vector_size(envp, &envc);
    size_t size = sizeof(struct block) + (argc + envc + 2) * sizeof(char *)
        + (size_t)(2 * moves + ncloses) * sizeof(int) + strings;
    size = (size + 63) & ~(size_t)63;
    struct block *b = malloc(size + STACK);
    if (!b) return -ENOMEM;
    b->argv = (char **)(b + 1);
    b->envp = b->argv + argc + 1;
    b->from = (int *)(b->envp + envc + 1);
    b->to = b->from + moves;
    b->closes = b->to + moves;
    char *s = (char *)(b->closes + ncloses);
    memcpy(b->from, from, (size_t)moves * sizeof(int));
    memcpy(b->to, to, (size_t)moves * sizeof(int));
    memcpy(b->closes, closes, (size_t)ncloses * sizeof(int));
    b->moves = moves;
    b->ncloses = ncloses;
    b->chdir_fd = chdir_fd;
    b->setsid = new_session;
    b->pgroup = pgroup;
    size_t pn = strlen(path) + 1;
    memcpy(s, path, pn);
    b->path = s;
    s = copy_vector(b->argv, argv, argc, s + pn);
    copy_vector(b->envp, envp, envc, s);
    b->stack_top = (char *)b + size + STACK;

    /* The exec's witness: a pipe whose write end only the child holds (close-on-exec), so that its read
     * end sees end of file once the child has exec'd or exited. Numbered past every descriptor the child
     * is to move, or a dup2 there would close it early. Without descriptors to spare there is none, and
     * the caller waits for the exec instead. */
    int pipe_fds[2] = { -1, -1 };
    if (pipe2(pipe_fds, O_CLOEXEC) == 0)
    {
        int above = pipe_fds[1];
        for (int i = 0; i < moves; i++) if (to[i] >= above) above = to[i] + 1;
        if (above != pipe_fds[1])
        {
            int moved = fcntl(pipe_fds[1], F_DUPFD_CLOEXEC, above);
            close(pipe_fds[1]);
            pipe_fds[1] = moved;
            if (moved < 0) { close(pipe_fds[0]); pipe_fds[0] = -1; }
        }
    }
    b->exec_fd = pipe_fds[0];

    /* The child gets the soft limit on open files we were given, not the one we raised for ourselves
     * (clone copies the limits). */
    struct rlimit ours;
    int lower = child_nofile >= 0 && getrlimit(RLIMIT_NOFILE, &ours) == 0 && (rlim_t)child_nofile < ours.rlim_cur;
    if (lower) setrlimit(RLIMIT_NOFILE, &(struct rlimit){ (rlim_t)child_nofile, ours.rlim_max });

    sigset_t all, old;
    sigfillset(&all);
    pthread_mutex_lock(&lock);
    sweep();
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int pid = clone(child, b->stack_top, CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, b,
        &b->tid, NULL, &b->tid);
    int err = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (lower) setrlimit(RLIMIT_NOFILE, &ours);
    if (pipe_fds[1] >= 0) close(pipe_fds[1]);
    if (pid < 0)
    {
        pthread_mutex_unlock(&lock);
        if (pipe_fds[0] >= 0) close(pipe_fds[0]);
        free(b);
        return -err;
    }
    /* The kernel wrote the child's tid (CLONE_PARENT_SETTID) before the child ran: it is zeroed when the
     * child's exec or exit lets go of our memory. */
    b->pid = pid;
    b->next = running;
    running = b;
    pthread_mutex_unlock(&lock);
    return pid;
}

/* Waits until the child pid started here has exec'd or exited (at once if it was not started here, or
 * has). */
void execline_spawn_early_return_wait(int pid)
{
    pthread_mutex_lock(&lock);
    struct block *b = running;
    while (b && b->pid != pid) b = b->next;
    pthread_mutex_unlock(&lock);
    if (!b) return;
    pid_t tid;
    while ((tid = __atomic_load_n(&b->tid, __ATOMIC_ACQUIRE)) != 0)
        syscall(SYS_futex, &b->tid, FUTEX_WAIT, tid, NULL, NULL, 0);
}

/* The descriptor that reads end of file once the child pid started here has exec'd or exited, now the
 * caller's to watch and close; -1 when it was not started here or has been released. Not taken, it is
 * closed with its block. */
int execline_spawn_early_return_exec_fd(int pid)
{
    pthread_mutex_lock(&lock);
    struct block *b = running;
    while (b && b->pid != pid) b = b->next;
    int fd = b ? b->exec_fd : -1;
    if (b) b->exec_fd = -1;
    pthread_mutex_unlock(&lock);
    return fd;
}

/* Frees the blocks of children that have exec'd or exited since the last call. */
void execline_spawn_early_return_release(void)
{
    pthread_mutex_lock(&lock);
    sweep();
    pthread_mutex_unlock(&lock);
}

#else

void execline_spawn_early_return_wait(int pid)
{
}

int execline_spawn_early_return_exec_fd(int pid)
{
    return -1;
}

void execline_spawn_early_return_release(void)
{
}

long execline_spawn_early_return(const char *path, char *const *argv, char *const *envp, const int *from,
    const int *to, int moves, const int *closes, int ncloses, int chdir_fd, int new_session, int pgroup,
    long child_nofile)
{
    return -ENOSYS;
}

#endif
