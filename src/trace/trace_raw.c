/* trace_raw.c: the raw sockets of the ICMP and TCP methods (see trace_raw.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "../core/loop.h"
#include "../core/netaddr.h"
#include "../core/priv.h"
#include "trace_raw.h"

#define READS_PER_WAKE	64

int
trace_raw_set_ttl(int fd, int family, unsigned ttl)
{
	int v = (int)ttl;

	return setsockopt(fd, family == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP,
	    family == AF_INET6 ? IPV6_UNICAST_HOPS : IP_TTL, &v, sizeof v);
}

/* An ICMP error quoting one of our probes: a hop, the destination (port
 * unreachable from it) or the end of the path. */
static void
on_error(struct trace *t, const struct icmp_quote *q)
{
	struct trace_raw *r = t->raw;
	struct sockaddr_storage from;
	struct trace_probe *p;
	uint16_t seq;

	if (!netaddr_probe_equal(&q->qdst, &r->dst) || !r->quoted(t, q, &seq) ||
	    (p = trace_probe_of(t, seq)) == NULL)
		return;
	netaddr_from_probe(&q->from, &from);
	trace_answer(t, p, &from, q->time_exceeded ? ANS_HOP :
	    q->port_unreachable ? ANS_DEST : ANS_UNREACH);
}

typedef void (*packet_fn)(struct trace *, const uint8_t *, size_t,
    const struct sockaddr_storage *);

/* Up to READS_PER_WAKE packets waiting on fd, each to fn, while the raw
 * sockets stay open (fn may end the trace). */
static void
drain(struct trace *t, evutil_socket_t fd, packet_fn fn)
{
	struct sockaddr_storage from;
	socklen_t flen;
	uint8_t buf[1500];
	ssize_t n;
	int i;

	for (i = 0; i < READS_PER_WAKE && t->raw != NULL; i++) {
		flen = sizeof from;
		if ((n = recvfrom(fd, buf, sizeof buf, MSG_DONTWAIT,
		    (struct sockaddr *)&from, &flen)) < 0)
			break;
		fn(t, buf, (size_t)n, &from);
	}
}

static void
icmp_packet(struct trace *t, const uint8_t *buf, size_t n,
    const struct sockaddr_storage *from)
{
	struct icmp_quote q;

	netaddr_to_probe(from, &q.from);	/* v6: no IP header */
	if (t->raw->dst.family == 4 ? icmp_error_read4(buf, n, &q) :
	    icmp_error_read6(buf, n, &q))
		on_error(t, &q);
	else if (t->raw->on_icmp != NULL)
		t->raw->on_icmp(t, buf, n, from);
}

static void
tcp_packet(struct trace *t, const uint8_t *buf, size_t n,
    const struct sockaddr_storage *from)
{
	t->raw->on_tcp(t, buf, n, from);
}

static void
on_icmp_readable(evutil_socket_t fd, short what, void *arg)
{
	(void)what;
	drain(arg, fd, icmp_packet);
}

static void
on_tcp_readable(evutil_socket_t fd, short what, void *arg)
{
	(void)what;
	drain(arg, fd, tcp_packet);
}

static int
open_one(struct trace *t, int proto, int *fd, struct event **ev,
    event_callback_fn cb)
{
	int family = t->cfg.dst.ss_family;

	if ((*fd = socket(family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    proto)) < 0)
		return -1;
	*ev = event_new(loop_base(t->loop), *fd, EV_READ | EV_PERSIST, cb, t);
	return *ev != NULL && event_add(*ev, NULL) == 0 ? 0 : -1;
}

int
trace_raw_open(struct trace *t, bool tcp, char *err, size_t errlen)
{
	struct privs privs;
	struct trace_raw *r;
	char why[200];
	int v6 = t->cfg.dst.ss_family == AF_INET6;

	priv_probe(&privs);
	if (!priv_require(&privs, PRIV_NET_RAW, tcp ? "a TCP traceroute" :
	    "an ICMP traceroute", why, sizeof why)) {
		snprintf(err, errlen, "%s; the UDP method (--udp) needs no "
		    "privilege", why);
		return -1;
	}
	if ((t->raw = r = calloc(1, sizeof *r)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	r->icmp_fd = r->tcp_fd = r->reserve_fd = -1;
	getrandom(&r->id, sizeof r->id, 0);
	netaddr_to_probe(&t->cfg.dst, &r->dst);
	if (open_one(t, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, &r->icmp_fd,
	    &r->icmp_ev, on_icmp_readable) != 0 ||
	    (tcp && open_one(t, IPPROTO_TCP, &r->tcp_fd, &r->tcp_ev,
	    on_tcp_readable) != 0)) {
		snprintf(err, errlen, "cannot open a raw socket: %s",
		    strerror(errno));
		trace_raw_close(t);
		return -1;
	}
	return 0;
}

void
trace_raw_close(struct trace *t)
{
	struct trace_raw *r = t->raw;

	if (r == NULL)
		return;
	if (r->icmp_ev != NULL)
		event_free(r->icmp_ev);
	if (r->tcp_ev != NULL)
		event_free(r->tcp_ev);
	if (r->icmp_fd >= 0)
		close(r->icmp_fd);
	if (r->tcp_fd >= 0)
		close(r->tcp_fd);
	if (r->reserve_fd >= 0)
		close(r->reserve_fd);
	free(r);
	t->raw = NULL;
}
