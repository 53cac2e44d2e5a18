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
#include <netinet/ip_icmp.h>
#include <netinet/icmp6.h>
#include <linux/errqueue.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "trace_int.h"

static const char payload[] = "punchline trace probe";

static void
udp_release(struct trace_probe *p)
{
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}

static enum trace_answer
answer_of(uint8_t origin, uint8_t type, uint8_t code)
{
	if (origin == SO_EE_ORIGIN_ICMP6)
		return type == ICMP6_TIME_EXCEEDED ? ANS_HOP :
		    type == ICMP6_DST_UNREACH && code == ICMP6_DST_UNREACH_NOPORT ?
		    ANS_DEST : ANS_UNREACH;
	return type == ICMP_TIME_EXCEEDED ? ANS_HOP : type == ICMP_DEST_UNREACH &&
	    code == ICMP_PORT_UNREACH ? ANS_DEST : ANS_UNREACH;
}

/* The queued ICMP error: what it means and who sent it. */
static bool
read_error(int fd, enum trace_answer *kind, struct sockaddr_storage *from)
{
	char control[512];
	struct msghdr msg = { .msg_control = control,
	    .msg_controllen = sizeof control };
	struct sock_extended_err ee;
	struct cmsghdr *c;
	const struct sockaddr *off;

	if (recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
		return false;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (!((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
		    (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR)))
			continue;
		memcpy(&ee, CMSG_DATA(c), sizeof ee);
		if (ee.ee_origin != SO_EE_ORIGIN_ICMP &&
		    ee.ee_origin != SO_EE_ORIGIN_ICMP6)
			continue;
		/* The offender's address follows the structure. */
		off = (const struct sockaddr *)(CMSG_DATA(c) + sizeof ee);
		memset(from, 0, sizeof *from);
		memcpy(from, off, off->sa_family == AF_INET6 ?
		    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in));
		*kind = answer_of(ee.ee_origin, ee.ee_type, ee.ee_code);
		return true;
	}
	return false;
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
	int on = 1, ttl = (int)p->ttl, v6 = to.ss_family == AF_INET6;

	if ((p->fd = socket(to.ss_family, SOCK_DGRAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) < 0)
		return false;
	if (setsockopt(p->fd, v6 ? SOL_IPV6 : SOL_IP, v6 ? IPV6_RECVERR :
	    IP_RECVERR, &on, sizeof on) != 0 ||
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
