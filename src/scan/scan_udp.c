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
#include <sys/socket.h>

#include <event2/event.h>

#include "../../protocols/udp_probe.h"
#include "../core/loop.h"
#include "../core/recverr.h"
#include "scan_int.h"

#define PAYLOADS_MAX	64

struct scan_udp {
	struct udp_probe	 p[PAYLOADS_MAX];
	size_t			 n;
};

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
		if (line[0] >= '0' && line[0] <= '9' && !udp_probe_parse(line,
		    (size_t)(eol - line), &s->udp->p[s->udp->n++])) {
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
 * false if there is none. */
static bool
read_icmp_error(int fd, enum port_state *st, const char **reason)
{
	struct recverr e;

	if (!recverr_read(fd, &e))
		return false;
	*st = recverr_port_unreachable(&e) ? PORT_CLOSED : PORT_FILTERED;
	*reason = *st == PORT_CLOSED ? "port-unreach" : "icmp-unreachable";
	return true;
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

static const struct udp_probe *
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
	const struct udp_probe *pl = payload_for(s, scan_port_of(s, idx));

	if ((p->fd = socket(to.ss_family, SOCK_DGRAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) < 0)
		return false;
	p->family = to.ss_family;
	probe_begin(p, idx, tries);
	recverr_enable(p->fd, to.ss_family);
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
