/* maxrss prog args... — runs prog with stdin, stdout and stderr on /dev/null and prints its peak
 * resident set size in kilobytes (the kernel's count over its whole life, across its execs). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) return 100;
    pid_t pid = fork();
    if (pid < 0) return 111;
    if (pid == 0)
    {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) return 111;
    printf("%ld\n", usage.ru_maxrss);
    return 0;
}
