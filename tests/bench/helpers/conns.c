/*
 * conns.c: holds N established TCP connections on 127.0.0.1 for the
 * sockets-refresh benchmark (socat is far too slow to make 10k). It
 * listens on PORT, connects N clients to itself, accepts them all, prints
 * "ready" and waits until stdin closes. Loopback only. When the fd limit
 * is lower than 2N, the connections are spread over child processes, as
 * on a busy server.
 *   usage: conns N PORT
 */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Raises the soft fd limit to the hard one; how many fds one process gets. */
static long
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 1024;
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	return rl.rlim_cur == RLIM_INFINITY ? 1L << 20 : (long)rl.rlim_cur;
}

/* count connections to sin, both ends held by this process. */
static int
connect_many(int lfd, struct sockaddr_in *sin, long count)
{
	long i;
	int c;

	for (i = 0; i < count; i++) {
		if ((c = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
		    connect(c, (struct sockaddr *)sin, sizeof *sin) != 0 ||
		    accept(lfd, NULL, NULL) < 0) {
			fprintf(stderr, "conns: connection %ld: %s\n", i,
			    strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void
hold(void)
{
	char buf[1];

	while (read(0, buf, 1) > 0)
		;
}

static int
listener(struct sockaddr_in *sin)
{
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)sin, sizeof *sin) != 0 ||
	    listen(fd, 4096) != 0)
		return -1;
	return fd;
}

int
main(int argc, char **argv)
{
	struct sockaddr_in sin;
	long n, per, done, chunk;
	int lfd, status, kids = 0, p[2];
	char ok;

	if (argc != 3 || (n = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: conns N PORT\n");
		return 2;
	}
	per = (raise_nofile() - 64) / 2;
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)atoi(argv[2]));
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((lfd = listener(&sin)) < 0) {
		perror("conns: listen");
		return 1;
	}
	for (done = 0; done < n; done += chunk, kids++) {
		chunk = n - done < per ? n - done : per;
		if (pipe(p) != 0)
			return 1;
		if (fork() == 0) {
			close(p[0]);
			ok = connect_many(lfd, &sin, chunk) == 0 ? 'y' : 'n';
			(void)write(p[1], &ok, 1);
			close(p[1]);
			hold();
			_exit(0);
		}
		close(p[1]);
		if (read(p[0], &ok, 1) != 1 || ok != 'y')
			return 1;
		close(p[0]);
	}
	printf("ready %d processes\n", kids);
	fflush(stdout);
	hold();
	while (kids-- > 0)
		wait(&status);
	return 0;
}
