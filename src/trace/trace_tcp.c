/*
 * trace_tcp.c: TCP SYN probes (traceroute -T, mtr --tcp), with
 * CAP_NET_RAW: they pass firewalls that let web traffic through and drop
 * UDP and ICMP. The SYN's sequence number is this trace's identifier and
 * the probe's number; the destination answers SYN-ACK or RST
 * acknowledging it plus one, a router time exceeded quoting it. The kernel
 * resets the SYN-ACK itself: no connection is made.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "../../protocols/tcp_probe.h"
#include "trace_raw.h"

static bool
tcp_quoted(const struct trace *t, const struct icmp_quote *q, uint16_t *seq)
{
	if (q->qproto != 6 || q->qsport != t->raw->sport ||
	    q->qseq >> 16 != t->raw->id)
		return false;
	*seq = (uint16_t)q->qseq;
	return true;
}

static void
on_segment(struct trace *t, const uint8_t *buf, size_t len,
    const struct sockaddr_storage *from)
{
	struct trace_raw *r = t->raw;
	struct trace_probe *p;
	struct tcp_reply rep;
	uint32_t acked;

	netaddr_to_probe(from, &rep.src);
	if (!(r->dst.family == 4 ? tcp_probe_read_ipv4(buf, len, &rep) :
	    tcp_probe_read_segment(buf, len, &rep)) || rep.dport != r->sport ||
	    !(rep.flags & (TCP_RST | TCP_ACK)) ||
	    memcmp(rep.src.a, r->dst.a, r->dst.family == 6 ? 16 : 4) != 0)
		return;
	acked = rep.ack - 1;
	if (acked >> 16 != r->id || (p = trace_probe_of(t, (uint16_t)acked)) == NULL)
		return;
	trace_answer(t, p, &t->cfg.dst, ANS_DEST);
}

/* Our port, held by a bound socket that never listens, and the source
 * address the route to the destination uses (for the checksum). */
static int
local_end(struct trace *t)
{
	struct trace_raw *r = t->raw;
	struct sockaddr_storage me = { .ss_family = t->cfg.dst.ss_family }, to;
	socklen_t len = me.ss_family == AF_INET6 ? sizeof(struct sockaddr_in6) :
	    sizeof(struct sockaddr_in);
	int fd, rc = -1;

	if ((r->reserve_fd = socket(me.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    bind(r->reserve_fd, (struct sockaddr *)&me, len) != 0 ||
	    getsockname(r->reserve_fd, (struct sockaddr *)&me, &len) != 0)
		return -1;
	r->sport = ntohs(me.ss_family == AF_INET6 ?
	    ((struct sockaddr_in6 *)&me)->sin6_port :
	    ((struct sockaddr_in *)&me)->sin_port);
	if ((fd = socket(me.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	len = trace_dst(t, 9, &to);
	if (connect(fd, (struct sockaddr *)&to, len) == 0 &&
	    getsockname(fd, (struct sockaddr *)&me, &len) == 0) {
		netaddr_to_probe(&me, &r->src);
		rc = 0;
	}
	close(fd);
	return rc;
}

static int
tcp_open(struct trace *t, char *err, size_t errlen)
{
	int offset = 16;	/* where TCP keeps its checksum */

	if (trace_raw_open(t, true, err, errlen) != 0)
		return -1;
	t->raw->quoted = tcp_quoted;
	t->raw->on_tcp = on_segment;
	if (local_end(t) != 0) {
		snprintf(err, errlen, "no route to the destination");
		return -1;
	}
	if (t->cfg.dst.ss_family == AF_INET6)
		setsockopt(t->raw->tcp_fd, IPPROTO_IPV6, IPV6_CHECKSUM, &offset,
		    sizeof offset);
	return 0;
}

static bool
tcp_send(struct trace *t, struct trace_probe *p)
{
	struct trace_raw *r = t->raw;
	struct sockaddr_storage to;
	socklen_t tolen = trace_dst(t, 0, &to);
	uint8_t seg[TCP_PROBE_LEN];

	tcp_probe_build_syn(seg, &r->src, &r->dst, r->sport, t->cfg.port,
	    (uint32_t)r->id << 16 | p->seq);
	if (trace_raw_set_ttl(r->tcp_fd, to.ss_family, p->ttl) != 0 ||
	    sendto(r->tcp_fd, seg, sizeof seg, 0, (struct sockaddr *)&to, tolen) < 0)
		return false;
	trace_probe_arm(t, p, -1, NULL);
	return true;
}

static void
tcp_release(struct trace_probe *p)
{
	(void)p;		/* the sockets are shared */
}

const struct trace_method_ops trace_tcp_ops = {
	.name = "tcp",
	.open = tcp_open,
	.close = trace_raw_close,
	.send = tcp_send,
	.release = tcp_release,
};
