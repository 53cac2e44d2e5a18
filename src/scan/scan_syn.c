/*
 * scan_syn.c: the SYN ("half-open") scan, with CAP_NET_RAW. We send bare
 * SYNs from one raw socket per family and read the answers from the same
 * sockets (a raw TCP socket sees every TCP segment the host receives) and
 * from raw ICMP sockets: SYN-ACK = open (syn-ack), RST = closed (reset),
 * an ICMP unreachable quoting our SYN = filtered (icmp-unreachable),
 * silence = filtered (timeout). The kernel, which knows no connection for
 * the SYN-ACK, answers it with a RST: no connection is ever made.
 *
 * Which probe an answer belongs to is in the sequence number: ours is the
 * probe's slot and a launch counter, XORed with a secret of this scan; a
 * SYN-ACK or RST acknowledges it plus one, an ICMP error quotes it. The
 * answer must also come from the probe's address and port.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <linux/filter.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "../../protocols/tcp_probe.h"
#include "../core/loop.h"
#include "../core/netaddr.h"
#include "../core/priv.h"
#include "scan_int.h"

#define READS_PER_WAKE	512	/* then let the loop breathe */
#define RCVBUF		(4 << 20)
#define SLOT_SHIFT	12	/* seq = (slot << 12 | launch) ^ secret */

enum raw_kind { RAW_TCP4, RAW_TCP6, RAW_ICMP4, RAW_ICMP6, RAW_COUNT };

struct scan_syn {
	int			 fd[RAW_COUNT];
	struct event		*ev[RAW_COUNT];
	int			 reserve_fd;	/* holds our source port */
	uint16_t		 sport;
	uint32_t		 secret;
	uint32_t		 launches;
	const struct sockaddr_storage *src_for;	/* the host src is for */
	struct probe_addr	 src;
};

/* The address the kernel would send from to reach host: connecting a
 * UDP socket picks the route and the source, and sends nothing. */
static int
source_for(struct scan_syn *y, const struct sockaddr_storage *host)
{
	struct sockaddr_storage to = *host, me;
	socklen_t len = sizeof me;
	int fd, rc = -1;

	if (y->src_for == host)
		return 0;
	if (to.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&to)->sin6_port = htons(9);
	else
		((struct sockaddr_in *)&to)->sin_port = htons(9);
	if ((fd = socket(to.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&to, to.ss_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&me, &len) == 0) {
		netaddr_to_probe(&me, &y->src);
		y->src_for = host;
		rc = 0;
	}
	close(fd);
	return rc;
}

static struct probe *
probe_of_seq(struct scan *s, uint32_t seq)
{
	uint32_t key = seq ^ s->syn->secret, slot = key >> SLOT_SHIFT;
	struct probe *p;

	if (slot >= s->nslots)
		return NULL;
	p = &s->slots[slot];
	return p->busy && p->seq == seq ? p : NULL;
}

/* The probe an answer from addr:port acknowledging seq belongs to. */
static struct probe *
match(struct scan *s, uint32_t seq, const struct probe_addr *addr,
    uint16_t port)
{
	struct probe *p = probe_of_seq(s, seq);
	struct probe_addr host;

	if (p == NULL || scan_port_of(s, p->idx) != port)
		return NULL;
	netaddr_to_probe(scan_host_of(s, p->idx), &host);
	return netaddr_probe_equal(&host, addr) ? p : NULL;
}

static void
on_segment(struct scan *s, const struct tcp_reply *r)
{
	struct probe *p;

	if (r->dport != s->syn->sport || !(r->flags & (TCP_RST | TCP_ACK)) ||
	    (p = match(s, r->ack - 1, &r->src, r->sport)) == NULL)
		return;
	p->rtt = clock_mono() - p->sent;
	scan_rtt_sample(s, p->rtt);
	if ((r->flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK))
		scan_finish(s, p, PORT_OPEN, "syn-ack");
	else if (r->flags & TCP_RST)
		scan_finish(s, p, PORT_CLOSED, "reset");
}

static void
on_icmp(struct scan *s, const struct icmp_quote *q)
{
	struct probe *p;

	if (!q->unreachable || q->qproto != 6 || q->qsport != s->syn->sport ||
	    (p = match(s, q->qseq, &q->qdst, q->qdport)) == NULL)
		return;
	p->rtt = clock_mono() - p->sent;
	scan_finish(s, p, PORT_FILTERED, "icmp-unreachable");
}

static void
read_one(struct scan *s, enum raw_kind kind, const uint8_t *buf, size_t n,
    const struct sockaddr_storage *from)
{
	struct tcp_reply r;
	struct icmp_quote q;

	switch (kind) {
	case RAW_TCP4:
		if (tcp_probe_read_ipv4(buf, n, &r))
			on_segment(s, &r);
		break;
	case RAW_TCP6:
		netaddr_to_probe(from, &r.src);	/* v6 raw: no IP header */
		if (tcp_probe_read_segment(buf, n, &r))
			on_segment(s, &r);
		break;
	case RAW_ICMP4:
		if (icmp_error_read4(buf, n, &q))
			on_icmp(s, &q);
		break;
	default:
		if (icmp_error_read6(buf, n, &q))
			on_icmp(s, &q);
		break;
	}
}

static void
on_raw(evutil_socket_t fd, short what, void *arg)
{
	struct scan *s = arg;
	enum raw_kind kind;
	uint8_t buf[1500];
	struct sockaddr_storage from;
	socklen_t flen;
	ssize_t n;
	int i;

	(void)what;
	for (kind = 0; kind < RAW_COUNT && s->syn->fd[kind] != fd; kind++)
		;
	for (i = 0; i < READS_PER_WAKE && s->syn != NULL; i++) {
		flen = sizeof from;
		if ((n = recvfrom(fd, buf, sizeof buf, MSG_DONTWAIT,
		    (struct sockaddr *)&from, &flen)) < 0)
			break;
		read_one(s, kind, buf, (size_t)n, &from);
	}
}

static void
on_silence(evutil_socket_t fd, short what, void *arg)
{
	struct probe *p = arg;

	(void)fd;
	(void)what;
	scan_timed_out(p->scan, p);
}

static bool
syn_launch(struct scan *s, struct probe *p, uint32_t idx, uint8_t tries)
{
	struct scan_syn *y = s->syn;
	struct sockaddr_storage to;
	socklen_t tolen = scan_addr_of(s, idx, &to);
	struct probe_addr dst;
	uint8_t seg[TCP_PROBE_LEN];
	uint32_t slot = (uint32_t)(p - s->slots);
	int fd = to.ss_family == AF_INET6 ? y->fd[RAW_TCP6] : y->fd[RAW_TCP4];

	if (source_for(y, scan_host_of(s, idx)) != 0) {
		probe_begin(p, idx, tries);
		scan_finish(s, p, PORT_FILTERED, "no-route");
		return true;
	}
	netaddr_to_probe(&to, &dst);
	/* The kernel puts the port in the IP header only for TCP sockets;
	 * on a raw socket sin_port must be 0 (or the protocol). */
	if (to.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&to)->sin6_port = 0;
	else
		((struct sockaddr_in *)&to)->sin_port = 0;
	probe_begin(p, idx, tries);
	p->seq = (slot << SLOT_SHIFT | (y->launches++ & 0xfff)) ^ y->secret;
	tcp_probe_build_syn(seg, &y->src, &dst, y->sport, scan_port_of(s, idx),
	    p->seq);
	if (sendto(fd, seg, sizeof seg, 0, (struct sockaddr *)&to, tolen) < 0) {
		if (errno == ENOBUFS || errno == EAGAIN) {	/* later */
			p->busy = false;
			return false;
		}
		scan_finish(s, p, PORT_FILTERED, errno == EHOSTUNREACH ||
		    errno == ENETUNREACH ? "icmp-unreachable" : "send-failed");
		return true;
	}
	probe_arm(s, p, -1, 0, on_silence);
	return true;
}

static void
syn_release(struct probe *p, bool open)
{
	(void)p;
	(void)open;		/* nothing of its own: the fds are shared */
}

/* A port of our own for the answers to come to: a bound TCP socket that
 * never listens holds it, so no other program takes it meanwhile, and
 * the kernel still resets the SYN-ACKs it receives. */
static int
reserve_port(struct scan_syn *y, int family)
{
	struct sockaddr_storage me = { .ss_family = (sa_family_t)family };
	socklen_t len = family == AF_INET6 ? sizeof(struct sockaddr_in6) :
	    sizeof(struct sockaddr_in);

	if ((y->reserve_fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    bind(y->reserve_fd, (struct sockaddr *)&me, len) != 0 ||
	    getsockname(y->reserve_fd, (struct sockaddr *)&me, &len) != 0)
		return -1;
	y->sport = ntohs(family == AF_INET6 ?
	    ((struct sockaddr_in6 *)&me)->sin6_port :
	    ((struct sockaddr_in *)&me)->sin_port);
	return 0;
}

/*
 * A raw TCP socket gets every TCP segment the host receives (on loopback
 * our own SYNs too): a classic BPF filter keeps only those sent to our
 * port, and ICMP sockets only unreachables, so a full-speed scan does not
 * overflow the socket's buffer with traffic that is not ours.
 */
static int
attach_filter(int fd, enum raw_kind kind, uint16_t sport)
{
	/* IPv4 (the IP header is in the packet): X = its length. */
	struct sock_filter tcp4[] = {
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),
		BPF_STMT(BPF_LD | BPF_H | BPF_IND, 2),		/* dport */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, sport, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_filter icmp4[] = {
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),
		BPF_STMT(BPF_LD | BPF_B | BPF_IND, 0),		/* type */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 3, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	/* IPv6 raw sockets start at the TCP or ICMPv6 header. */
	struct sock_filter tcp6[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 2),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, sport, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_filter icmp6[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog;

	switch (kind) {
	case RAW_TCP4: prog.filter = tcp4; prog.len = 5; break;
	case RAW_ICMP4: prog.filter = icmp4; prog.len = 5; break;
	case RAW_TCP6: prog.filter = tcp6; prog.len = 4; break;
	default: prog.filter = icmp6; prog.len = 4; break;
	}
	return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
}

static int
open_raw(struct scan *s, enum raw_kind kind)
{
	static const struct { int family, proto; } what[RAW_COUNT] = {
		{ AF_INET, IPPROTO_TCP }, { AF_INET6, IPPROTO_TCP },
		{ AF_INET, IPPROTO_ICMP }, { AF_INET6, IPPROTO_ICMPV6 },
	};
	struct scan_syn *y = s->syn;
	int fd, offset = 16;	/* where TCP keeps its checksum */

	fd = socket(what[kind].family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    what[kind].proto);
	if (fd < 0)
		return -1;
	y->fd[kind] = fd;
	if (kind == RAW_TCP6)	/* the kernel fills our v6 checksums in */
		setsockopt(fd, IPPROTO_IPV6, IPV6_CHECKSUM, &offset, sizeof offset);
	if (attach_filter(fd, kind, y->sport) != 0)
		return -1;
	/* Root may go past rmem_max; others get what it allows. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &(int){ RCVBUF },
	    sizeof(int)) != 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &(int){ RCVBUF }, sizeof(int));
	y->ev[kind] = event_new(loop_base(s->loop), fd, EV_READ | EV_PERSIST,
	    on_raw, s);
	return y->ev[kind] != NULL && event_add(y->ev[kind], NULL) == 0 ? 0 : -1;
}

static bool
target_has(const struct scan *s, int family)
{
	size_t i;

	for (i = 0; i < s->cfg.target->count; i++)
		if (s->cfg.target->hosts[i].ss_family == family)
			return true;
	return false;
}

static void syn_close(struct scan *);

static int
syn_open(struct scan *s, char *err, size_t errlen)
{
	struct privs privs;
	struct scan_syn *y;
	char why[200];
	int k, v6 = target_has(s, AF_INET6), v4 = target_has(s, AF_INET);

	priv_probe(&privs);
	if (!priv_require(&privs, PRIV_NET_RAW, "a SYN scan", why, sizeof why)) {
		snprintf(err, errlen, "%s; the connect scan (--connect) needs "
		    "no privilege", why);
		return -1;
	}
	if ((s->syn = y = calloc(1, sizeof *y)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (k = 0; k < RAW_COUNT; k++)
		y->fd[k] = -1;
	y->reserve_fd = -1;
	getrandom(&y->secret, sizeof y->secret, 0);
	if (reserve_port(y, v4 ? AF_INET : AF_INET6) != 0 ||
	    (v4 && (open_raw(s, RAW_TCP4) != 0 || open_raw(s, RAW_ICMP4) != 0)) ||
	    (v6 && (open_raw(s, RAW_TCP6) != 0 || open_raw(s, RAW_ICMP6) != 0))) {
		snprintf(err, errlen, "SYN scan: cannot open its raw sockets: %s",
		    strerror(errno));
		syn_close(s);
		return -1;
	}
	return 0;
}

static void
syn_close(struct scan *s)
{
	struct scan_syn *y = s->syn;
	int k;

	if (y == NULL)
		return;
	for (k = 0; k < RAW_COUNT; k++) {
		if (y->ev[k] != NULL)
			event_free(y->ev[k]);
		if (y->fd[k] >= 0)
			close(y->fd[k]);
	}
	if (y->reserve_fd >= 0)
		close(y->reserve_fd);
	free(y);
	s->syn = NULL;
}

const struct scan_method scan_syn_method = {
	.proto = "tcp",
	.silent_state = PORT_FILTERED,
	.silent_reason = "timeout",
	.open = syn_open,
	.close = syn_close,
	.launch = syn_launch,
	.release = syn_release,
};
