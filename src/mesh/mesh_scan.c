/* mesh_scan.c: host:scan (see mesh_scan.h). */
#include <string.h>
#include <sys/random.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "mesh_peer.h"

#define SCAN_TICK	0.01	/* pacing timer */
#define SCAN_PROGRESS	1.0	/* a progress event this often */
#define SCAN_LINGER	2.0	/* after the last probe, wait for answers */

static void
emit_progress(struct mesh *m, const char *kind, const char *why)
{
	struct mesh_scan *s = &m->scan;
	struct ev ev;

	ev_init(&ev, "mesh", kind);
	ev_int(&ev, "sent", s->sent);
	ev_int(&ev, "total", s->hi - s->lo + 1);
	ev_int(&ev, "port", s->next <= s->hi ? s->next : s->hi);
	ev_real(&ev, "seconds", clock_mono() - s->started);
	if (why != NULL)
		ev_str(&ev, "reason", why);
	evlog_push(m->log, &ev);
}

static void
send_scan(struct mesh *m, uint16_t port)
{
	struct sockaddr_in6 to = m->scan.host;
	struct mesh_body b;

	to.sin6_port = htons(port);
	b.u.token = m->scan.token;
	mesh_send(m, NULL, &to, MESH_SCAN, 0, &b);
	m->scan.sent++;
}

/* Sends what the pace allows by now: rate * elapsed, minus what went. */
static void
on_scan_tick(evutil_socket_t fd, short what, void *arg)
{
	struct mesh *m = arg;
	struct mesh_scan *s = &m->scan;
	double now = clock_mono();
	double due = (now - s->started) * s->rate + 1;

	(void)fd;
	(void)what;
	while (s->next <= s->hi && s->sent < due)
		send_scan(m, (uint16_t)s->next++);
	if (s->next > s->hi && s->all_sent_at == 0)
		s->all_sent_at = now;
	if (now - s->last_progress >= SCAN_PROGRESS) {
		s->last_progress = now;
		emit_progress(m, "scan_progress", NULL);
	}
	if (s->all_sent_at > 0 && now - s->all_sent_at > SCAN_LINGER) {
		emit_progress(m, "scan_failed", "no punchline peer answered "
		    "in the range");
		hostscan_stop(m);
	}
}

void
hostscan_start(struct mesh *m, const struct sockaddr_in6 *host, uint16_t lo,
    uint16_t hi, unsigned rate)
{
	struct timeval tick = { 0, (suseconds_t)(SCAN_TICK * 1e6) };
	struct mesh_scan *s = &m->scan;

	hostscan_stop(m);
	s->host = *host;
	s->lo = s->next = lo;
	s->hi = hi;
	s->rate = rate == 0 ? SCAN_RATE_DEFAULT : rate;
	s->sent = 0;
	s->all_sent_at = 0;
	s->started = s->last_progress = clock_mono();
	if (getrandom(&s->token, sizeof s->token, 0) != sizeof s->token)
		s->token ^= (uint64_t)(s->started * 1e9);
	s->timer = event_new(loop_base(m->loop), -1, EV_PERSIST, on_scan_tick, m);
	event_add(s->timer, &tick);
	s->active = true;
	emit_progress(m, "scan_started", NULL);
	on_scan_tick(-1, 0, m);
}

bool
hostscan_on_reply(struct mesh *m, uint64_t token, const struct sockaddr_in6 *from)
{
	char addr[MESH_ADDR_STRLEN];
	struct ev ev;

	if (!m->scan.active || token != m->scan.token)
		return false;
	mesh_addr_format(from, addr, sizeof addr);
	ev_init(&ev, "mesh", "scan_found");
	ev_str(&ev, "endpoint", addr);
	ev_int(&ev, "sent", m->scan.sent);
	ev_real(&ev, "seconds", clock_mono() - m->scan.started);
	evlog_push(m->log, &ev);
	hostscan_stop(m);
	mesh_join(m, from);
	return true;
}

void
hostscan_stop(struct mesh *m)
{
	if (m->scan.timer != NULL)
		event_free(m->scan.timer);
	m->scan.timer = NULL;
	m->scan.active = false;
}
