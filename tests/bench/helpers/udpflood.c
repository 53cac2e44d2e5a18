/*
 * udpflood N: sends N 64-byte UDP datagrams to 127.0.0.1:9 as fast as
 * sendmmsg allows (batches of 64) and prints the rate achieved. For the
 * live capture benchmark only: loopback, inside the benchmark's namespace.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH	64

int
main(int argc, char **argv)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct mmsghdr msg[BATCH];
	struct iovec iov[BATCH];
	char payload[64];
	struct timespec t0, t1;
	long n, sent = 0;
	int s, i, k, sndbuf = 1 << 20;
	double secs;

	if (argc != 2 || (n = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: udpflood N\n");
		return 2;
	}
	if ((s = socket(AF_INET, SOCK_DGRAM, 0)) < 0) {
		perror("socket");
		return 1;
	}
	setsockopt(s, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
	inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
	memset(payload, 'x', sizeof payload);
	memset(msg, 0, sizeof msg);
	for (i = 0; i < BATCH; i++) {
		iov[i].iov_base = payload;
		iov[i].iov_len = sizeof payload;
		msg[i].msg_hdr.msg_iov = &iov[i];
		msg[i].msg_hdr.msg_iovlen = 1;
		msg[i].msg_hdr.msg_name = &to;
		msg[i].msg_hdr.msg_namelen = sizeof to;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (sent < n) {
		k = sendmmsg(s, msg, n - sent < BATCH ? (unsigned)(n - sent) :
		    BATCH, 0);
		if (k > 0)
			sent += k;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%.0f\n", n / secs);
	close(s);
	return 0;
}
