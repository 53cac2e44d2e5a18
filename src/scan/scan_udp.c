/*
 * scan_udp.c: the UDP scan, for any user. Each probe is a connected UDP
 * socket with IP_RECVERR, so the kernel hands us the ICMP error a closed
 * or filtered port draws, with its type and code. A datagram back = open
 * (udp-response); ICMP port unreachable = closed (port-unreach); another
 * ICMP unreachable = filtered (icmp-unreachable); silence after every try
 * = open|filtered (no-response): UDP cannot tell a service that ignores
 * us from a firewall that drops us. A port in assets/scan/udp-probes gets
 * a request its service answers (DNS, NTP ...), others an empty datagram.
 *
 * Kernels limit the ICMP errors they send (net.ipv4.icmp_ratelimit and
 * icmp_msgs_per_sec), which is why UDP scans of many closed ports are
 * slow, ours as nmap's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <netinet/icmp6.h>
#include <linux/errqueue.h>
#include <sys/socket.h>

#include <event2/event.h>

#include "../core/loop.h"
#include "scan_int.h"

#define PAYLOAD_MAX	128
#define PAYLOADS_MAX	64

struct udp_payload {
	uint16_t	 port;
	uint16_t	 len;
	uint8_t		 bytes[PAYLOAD_MAX];
};

struct scan_udp {
	struct udp_payload	 p[PAYLOADS_MAX];
	size_t			 n;
};

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "PORT HEX HEX ..." into pl; false if the line is not one. */
static bool
parse_payload(const char *line, const char *end, struct udp_payload *pl)
{
	char *after;
	long port = strtol(line, &after, 10);
	int hi, lo;

	if (after == line || port < 1 || port > 65535)
		return false;
	pl->port = (uint16_t)port;
	pl->len = 0;
	for (line = after; line < end; line++) {
		if (*line == ' ' || *line == '\t')
			continue;
		if (line + 1 >= end || (hi = hex_value(line[0])) < 0 ||
		    (lo = hex_value(line[1])) < 0 || pl->len == PAYLOAD_MAX)
			return false;
		pl->bytes[pl->len++] = (uint8_t)(hi << 4 | lo);
		line++;
	}
	return true;
}

static int
udp_open(struct scan *s, char *err, size_t errlen)
{
	const char *text = s->cfg.udp_probes, *end, *line, *eol;

	if ((s->udp = calloc(1, sizeof *s->udp)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (text == NULL)
		return 0;
	end = text + s->cfg.udp_probes_len;
	for (line = text; line < end && s->udp->n < PAYLOADS_MAX; line = eol + 1) {
		if ((eol = memchr(line, '\n', (size_t)(end - line))) == NULL)
			eol = end;
		if (line[0] >= '0' && line[0] <= '9' &&
		    !parse_payload(line, eol, &s->udp->p[s->udp->n++])) {
			snprintf(err, errlen, "assets/scan/udp-probes: bad line "
			    "'%.*s'", (int)(eol - line > 40 ? 40 : eol - line), line);
			return -1;
		}
	}
	return 0;
}

static void
udp_close(struct scan *s)
{
	free(s->udp);
	s->udp = NULL;
}

static void
udp_release(struct probe *p, bool open)
{
	(void)open;
	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
}

/* The ICMP error the kernel queued for this socket: its verdict, or
 * false if there is none (or not from ICMP). */
static bool
read_icmp_error(int fd, enum port_state *st, const char **reason)
{
	char control[256];
	struct msghdr msg = { .msg_control = control,
	    .msg_controllen = sizeof control };
	struct cmsghdr *c;
	struct sock_extended_err ee;

	if (recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
		return false;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (!((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
		    (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR)))
			continue;
		memcpy(&ee, CMSG_DATA(c), sizeof ee);
		if (ee.ee_origin == SO_EE_ORIGIN_ICMP)
			*st = ee.ee_type == ICMP_DEST_UNREACH &&
			    ee.ee_code == ICMP_PORT_UNREACH ? PORT_CLOSED : PORT_FILTERED;
		else if (ee.ee_origin == SO_EE_ORIGIN_ICMP6)
			*st = ee.ee_type == ICMP6_DST_UNREACH &&
			    ee.ee_code == ICMP6_DST_UNREACH_NOPORT ? PORT_CLOSED :
			    PORT_FILTERED;
		else
			continue;
		*reason = *st == PORT_CLOSED ? "port-unreach" : "icmp-unreachable";
		return true;
	}
	return false;
}

static void
on_udp(evutil_socket_t fd, short what, void *arg)
{
	struct probe *p = arg;
	struct scan *s = p->scan;
	enum port_state st;
	const char *reason;
	ssize_t n;

	if (!(what & EV_READ)) {
		scan_timed_out(s, p);
		return;
	}
	p->rtt = clock_mono() - p->sent;
	if (read_icmp_error(fd, &st, &reason)) {
		scan_rtt_sample(s, p->rtt);
		scan_finish(s, p, st, reason);
		return;
	}
	n = recv(fd, p->buf, sizeof p->buf, MSG_DONTWAIT);
	if (n >= 0) {
		p->got = (size_t)n;	/* shown as the banner */
		scan_rtt_sample(s, p->rtt);
		scan_finish(s, p, PORT_OPEN, "udp-response");
	} else if (errno == EAGAIN || errno == EINTR) {
		probe_arm(s, p, fd, EV_READ, on_udp);
	} else {
		scan_finish(s, p, errno == ECONNREFUSED ? PORT_CLOSED :
		    PORT_FILTERED, errno == ECONNREFUSED ? "port-unreach" :
		    "icmp-unreachable");
	}
}

static const struct udp_payload *
payload_for(const struct scan *s, uint16_t port)
{
	size_t i;

	for (i = 0; i < s->udp->n; i++)
		if (s->udp->p[i].port == port)
			return &s->udp->p[i];
	return NULL;
}

static bool
udp_launch(struct scan *s, struct probe *p, uint32_t idx, uint8_t tries)
{
	struct sockaddr_storage to;
	socklen_t tolen = scan_addr_of(s, idx, &to);
	const struct udp_payload *pl = payload_for(s, scan_port_of(s, idx));
	int on = 1;

	if ((p->fd = socket(to.ss_family, SOCK_DGRAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) < 0)
		return false;
	p->family = to.ss_family;
	probe_begin(p, idx, tries);
	if (to.ss_family == AF_INET6)
		setsockopt(p->fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof on);
	else
		setsockopt(p->fd, SOL_IP, IP_RECVERR, &on, sizeof on);
	if (connect(p->fd, (struct sockaddr *)&to, tolen) != 0 ||
	    send(p->fd, pl != NULL ? pl->bytes : (const uint8_t *)"",
	    pl != NULL ? pl->len : 0, 0) < 0) {
		int err = errno;

		if (err == EAGAIN || err == EADDRNOTAVAIL || err == ENOBUFS) {
			udp_release(p, false);
			p->busy = false;
			return false;
		}
		scan_finish(s, p, PORT_FILTERED, err == ECONNREFUSED ?
		    "port-unreach" : "icmp-unreachable");
		return true;
	}
	probe_arm(s, p, p->fd, EV_READ, on_udp);
	return true;
}

const struct scan_method scan_udp_method = {
	.proto = "udp",
	.silent_state = PORT_OPEN_FILTERED,
	.silent_reason = "no-response",
	.open = udp_open,
	.close = udp_close,
	.launch = udp_launch,
	.release = udp_release,
};
