/*
 * trace_udp.c: UDP probes, for any user. Each probe is a UDP socket with
 * its TTL set and IP_RECVERR on, connected to the destination at port
 * base + TTL - 1 (as traceroute counts up from 33434, ports nobody
 * listens on). The kernel queues the ICMP error the probe draws on that
 * socket, with the address of the router that sent it (the offender):
 * time exceeded = a hop; port unreachable = the destination; another
 * unreachable = the path ends there. A datagram back, from a service that
 * does listen, is the destination too.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "../core/recverr.h"
#include "trace_int.h"

static const char payload[] = "punchline trace probe";

static void
udp_release(struct trace_probe *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}

/* The queued ICMP error: what it means and who sent it. */
static bool
read_error(int fd, enum trace_answer *kind, struct sockaddr_storage *from)
{
	struct recverr e;

	if (!recverr_read(fd, &e))
		return false;
	*kind = recverr_time_exceeded(&e) ? ANS_HOP :
	    recverr_port_unreachable(&e) ? ANS_DEST : ANS_UNREACH;
	*from = e.offender;
	return true;
}

static void
on_udp(evutil_socket_t fd, short what, void *arg)
{
	struct trace_probe *p = arg;
	struct trace *t = p->t;
	struct sockaddr_storage from;
	enum trace_answer kind;
	char buf[64];

	if (!(what & EV_READ)) {
		trace_lost(p);
		return;
	}
	if (read_error(fd, &kind, &from)) {
		trace_answer(t, p, &from, kind);
		return;
	}
	if (recv(fd, buf, sizeof buf, MSG_DONTWAIT) >= 0) {	/* it answered */
		trace_answer(t, p, &t->cfg.dst, ANS_DEST);
		return;
	}
	if (errno == EAGAIN || errno == EINTR)
		trace_probe_arm(t, p, fd, on_udp);
	else
		trace_lost(p);
}

static bool
udp_send(struct trace *t, struct trace_probe *p)
{
	struct sockaddr_storage to;
	socklen_t tolen = trace_dst(t, (uint16_t)(t->cfg.port + p->ttl - 1), &to);
	int ttl = (int)p->ttl, v6 = to.ss_family == AF_INET6;

	if ((p->fd = socket(to.ss_family, SOCK_DGRAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) < 0)
		return false;
	if (recverr_enable(p->fd, to.ss_family) != 0 ||
	    setsockopt(p->fd, v6 ? SOL_IPV6 : SOL_IP, v6 ? IPV6_UNICAST_HOPS :
	    IP_TTL, &ttl, sizeof ttl) != 0 ||
	    connect(p->fd, (struct sockaddr *)&to, tolen) != 0 ||
	    send(p->fd, payload, sizeof payload - 1, 0) < 0)
		return false;
	trace_probe_arm(t, p, p->fd, on_udp);
	return true;
}

const struct trace_method_ops trace_udp_ops = {
	.name = "udp",
	.send = udp_send,
	.release = udp_release,
};
