/* storage_sock.c: the raw or ping echo socket (see storage_sock.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "../../protocols/icmp_echo.h"
#include "../../protocols/storage_chunk.h"
#include "../core/loop.h"
#include "../core/priv.h"
#include "storage_sock.h"

#define READS_PER_WAKE	64
#define RCVBUF_BYTES	(2 * 1024 * 1024)

static void
on_readable(evutil_socket_t fd, short what, void *arg)
{
	struct storage_sock *so = arg;
	uint8_t buf[2048];
	struct icmp_echo e = { 0 };
	ssize_t n;
	int i;

	(void)what;
	for (i = 0; i < READS_PER_WAKE; i++) {
		if ((n = recv(fd, buf, sizeof buf, MSG_DONTWAIT)) < 0)
			break;
		if (!(so->raw ? icmp_echo_read4(buf, (size_t)n, &e) :
		    icmp_echo_read4_bare(buf, (size_t)n, &e)) || !e.reply)
			continue;
		/* A raw socket sees every echo reply to this host; a ping
		 * socket only its own (the kernel matches the identifier). */
		if (so->raw && (e.id != so->id ||
		    memcmp(e.from.a, &so->dst.sin_addr, 4) != 0))
			continue;
		so->on_reply(so->arg, e.seq, e.data, e.datalen);
	}
}

static void
ping_refused(char *err, size_t errlen, const char *why_raw)
{
	char range[64] = "?";
	FILE *f = fopen("/proc/sys/net/ipv4/ping_group_range", "r");

	if (f != NULL) {
		if (fgets(range, sizeof range, f) != NULL)
			range[strcspn(range, "\n")] = '\0';
		fclose(f);
	}
	snprintf(err, errlen, "%s; nor may group %u open a ping socket "
	    "(net.ipv4.ping_group_range is '%s'; allow it with: sudo sysctl -w "
	    "net.ipv4.ping_group_range='0 2147483647')", why_raw,
	    (unsigned)getgid(), range);
}

static int
open_fd(struct storage_sock *so, char *err, size_t errlen)
{
	struct privs privs;
	char why[240];
	int size = RCVBUF_BYTES;

	priv_probe(&privs);
	so->raw = priv_require(&privs, PRIV_NET_RAW, "a raw ICMP socket", why,
	    sizeof why);
	so->fd = socket(AF_INET, (so->raw ? SOCK_RAW : SOCK_DGRAM) |
	    SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
	if (so->fd < 0) {
		if (so->raw)
			snprintf(err, errlen, "cannot open a raw ICMP socket: %s",
			    strerror(errno));
		else
			ping_refused(err, errlen, why);
		return -1;
	}
	/* Replies come in bursts as long as the wire's queue. */
	if (setsockopt(so->fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
		setsockopt(so->fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
	return 0;
}

int
storage_sock_open(struct storage_sock *so, struct loop *loop,
    const struct sockaddr_in *dst, storage_sock_reply_fn fn, void *arg,
    char *err, size_t errlen)
{
	memset(so, 0, sizeof *so);
	so->fd = -1;
	so->dst = *dst;
	so->on_reply = fn;
	so->arg = arg;
	if (getrandom(&so->id, sizeof so->id, 0) != sizeof so->id)
		so->id = (uint16_t)getpid();
	if (open_fd(so, err, errlen) != 0)
		return -1;
	so->ev = event_new(loop_base(loop), so->fd, EV_READ | EV_PERSIST,
	    on_readable, so);
	if (so->ev == NULL || event_add(so->ev, NULL) != 0) {
		snprintf(err, errlen, "out of memory");
		storage_sock_close(so);
		return -1;
	}
	return 0;
}

bool
storage_sock_send(struct storage_sock *so, uint16_t seq, const uint8_t *data,
    size_t len)
{
	uint8_t pkt[ICMP_ECHO_HDR + STORAGE_CHUNK_HDR + STORAGE_CHUNK_MAX];
	size_t n = icmp_echo_build(pkt, sizeof pkt, false, so->id, seq, data, len);

	return n > 0 && sendto(so->fd, pkt, n, 0, (const struct sockaddr *)&so->dst,
	    sizeof so->dst) == (ssize_t)n;
}

void
storage_sock_close(struct storage_sock *so)
{
	if (so->ev != NULL)
		event_free(so->ev);
	if (so->fd >= 0)
		close(so->fd);
	so->ev = NULL;
	so->fd = -1;
}

const char *
storage_sock_kind(const struct storage_sock *so)
{
	return so->raw ? "raw" : "ping";
}
