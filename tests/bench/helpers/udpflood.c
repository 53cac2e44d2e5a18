/*
 * udpflood N [RATE]: sends N 64-byte UDP datagrams to 127.0.0.1:9 in
 * sendmmsg batches of 64, as fast as it can or, with RATE, at RATE
 * datagrams a second (each batch waits for its time, so the rate holds
 * over any stretch longer than a batch), and prints the rate achieved.
 * For the live capture benchmarks only: loopback, inside the benchmark's
 * namespace.
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

/* Sleeps until the time the sent-th datagram is due at rate a second. */
static void
wait_turn(const struct timespec *t0, long sent, long rate)
{
	struct timespec due = *t0;
	long long ns = (long long)sent * 1000000000LL / rate;

	due.tv_sec += (time_t)(ns / 1000000000LL);
	due.tv_nsec += (long)(ns % 1000000000LL);
	if (due.tv_nsec >= 1000000000L) {
		due.tv_sec++;
		due.tv_nsec -= 1000000000L;
	}
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
}

int
main(int argc, char **argv)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct mmsghdr msg[BATCH];
	struct iovec iov[BATCH];
	char payload[64];
	struct timespec t0, t1;
	long n, rate = 0, sent = 0;
	int s, i, k, sndbuf = 1 << 20;
	double secs;

	if (argc < 2 || argc > 3 || (n = atol(argv[1])) <= 0 ||
	    (argc == 3 && (rate = atol(argv[2])) <= 0)) {
		fprintf(stderr, "usage: udpflood N [RATE]\n");
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
		if (rate > 0)
			wait_turn(&t0, sent, rate);
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
