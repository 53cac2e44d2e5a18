/* spawn.c: fork, exec, feed stdin, collect stdout, wait. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "spawn.h"

static void
child(char *const argv[], int in_fd, int out_fd, int quiet)
{
	int null = open("/dev/null", O_RDWR);

	if (in_fd < 0)
		in_fd = null;
	dup2(in_fd, STDIN_FILENO);
	if (out_fd >= 0)
		dup2(out_fd, STDOUT_FILENO);
	if (quiet)
		dup2(null, STDERR_FILENO);
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	_exit(127);
}

static void
write_all(int fd, const char *s)
{
	size_t left = strlen(s);
	ssize_t n;

	while (left > 0) {
		n = write(fd, s, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		left -= (size_t)n;
	}
}

static void
read_all(int fd, struct strbuf *out)
{
	char buf[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		sb_addn(out, buf, (size_t)n);
	}
}

static int
wait_child(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
spawn_wait(char *const argv[], const char *input, struct strbuf *output,
    int quiet)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 };
	pid_t pid;

	if ((input != NULL && pipe2(in, O_CLOEXEC) != 0) ||
	    (output != NULL && pipe2(out, O_CLOEXEC) != 0))
		return -1;
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0)
		child(argv, in[0], out[1], quiet);
	if (in[0] >= 0) {
		close(in[0]);
		write_all(in[1], input);	/* small: nft rule sets */
		close(in[1]);
	}
	if (out[1] >= 0) {
		close(out[1]);
		read_all(out[0], output);
		close(out[0]);
	}
	return wait_child(pid);
}
