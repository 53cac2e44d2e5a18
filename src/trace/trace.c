/* trace.c: cycles, TTLs, per-hop statistics and events (see trace.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include <event2/event.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/rdns.h"
#include "trace_int.h"

#define TTL_BURST	8	/* TTLs sent at once when a cycle starts */
#define TTL_GAP		0.002	/* then between the probes of one cycle */
#define NAMES_WAIT	1.0	/* at the end, for names still coming */

static const char *const answer_names[] = { "hop", "dest", "unreachable" };

const char *
trace_method_name(enum trace_method m)
{
	return m == TRACE_ICMP ? "icmp" : m == TRACE_TCP ? "tcp" : "udp";
}

void
trace_config_init(struct trace_config *c)
{
	memset(c, 0, sizeof *c);
	c->first_ttl = 1;
	c->max_ttl = 30;
	c->cycles = 10;
	c->interval = 1.0;
	c->timeout = 2.0;
}

static void
addr_str(const struct sockaddr_storage *ss, char *buf, size_t len)
{
	const void *a = ss->ss_family == AF_INET6 ?
	    (const void *)&((const struct sockaddr_in6 *)ss)->sin6_addr :
	    (const void *)&((const struct sockaddr_in *)ss)->sin_addr;

	if (ss->ss_family == 0 || inet_ntop(ss->ss_family, a, buf,
	    (socklen_t)len) == NULL)
		snprintf(buf, len, "???");
}

socklen_t
trace_dst(const struct trace *t, uint16_t port, struct sockaddr_storage *to)
{
	*to = t->cfg.dst;
	if (to->ss_family == AF_INET6) {
		((struct sockaddr_in6 *)to)->sin6_port = htons(port);
		return sizeof(struct sockaddr_in6);
	}
	((struct sockaddr_in *)to)->sin_port = htons(port);
	return sizeof(struct sockaddr_in);
}

/* The last TTL worth probing: where the destination (or an unreachable)
 * answered, else the configured maximum. */
static unsigned
ttl_limit(const struct trace *t)
{
	unsigned limit = t->cfg.max_ttl;

	if (t->dest_ttl != 0 && t->dest_ttl < limit)
		limit = t->dest_ttl;
	if (t->unreach_ttl != 0 && t->unreach_ttl < limit)
		limit = t->unreach_ttl;
	return limit;
}

struct trace_probe *
trace_probe_of(struct trace *t, uint16_t seq)
{
	struct trace_probe *p = &t->probes[seq % TRACE_PROBES];

	return p->busy && p->seq == seq ? p : NULL;
}

static void finish_if_done(struct trace *);
static void cycle_sent(struct trace *);

/* A probe's outcome: counted for its hop unless the hop lies beyond the
 * destination (found out while it was in flight). */
static void
settle(struct trace *t, struct trace_probe *p, double rtt_ms, bool answered)
{
	struct trace_hop *h = &t->hops[p->ttl];
	double delta;

	if (p->ttl <= ttl_limit(t)) {
		h->sent++;
		if (answered) {
			h->received++;
			h->last = rtt_ms;
			if (h->received == 1 || rtt_ms < h->best)
				h->best = rtt_ms;
			if (rtt_ms > h->worst)
				h->worst = rtt_ms;
			delta = rtt_ms - h->avg;	/* Welford */
			h->avg += delta / h->received;
			h->m2 += delta * (rtt_ms - h->avg);
			h->stdev = sqrt(h->m2 / h->received);
		}
	}
	event_del(p->ev);
	t->ops->release(p);
	p->busy = false;
	t->inflight--;
	finish_if_done(t);
}

static void
emit_probe(struct trace *t, const struct trace_probe *p, const char *what,
    const struct sockaddr_storage *from, double rtt_ms)
{
	char a[INET6_ADDRSTRLEN];
	struct ev ev;

	if (!t->cfg.report_probes)
		return;
	ev_init(&ev, "trace", "probe");
	ev_int(&ev, "ttl", p->ttl);
	ev_int(&ev, "cycle", t->cycle);
	ev_str(&ev, "answer", what);
	if (from != NULL) {
		addr_str(from, a, sizeof a);
		ev_str(&ev, "addr", a);
		ev_real(&ev, "rtt_ms", rtt_ms);
	}
	evlog_push(t->log, &ev);
}

void
trace_answer(struct trace *t, struct trace_probe *p,
    const struct sockaddr_storage *from, enum trace_answer kind)
{
	struct trace_hop *h = &t->hops[p->ttl];
	double rtt_ms = (clock_mono() - p->sent) * 1000;

	if (!h->seen) {
		h->seen = true;
		h->addr = *from;
		if (t->rdns != NULL)	/* starts the lookup */
			(void)rdns_name(t->rdns, from, h->name, sizeof h->name);
	}
	if (kind == ANS_DEST) {
		h->is_dest = true;
		if (t->dest_ttl == 0 || p->ttl < t->dest_ttl)
			t->dest_ttl = p->ttl;
	} else if (kind == ANS_UNREACH) {
		h->unreachable = true;
		if (t->unreach_ttl == 0 || p->ttl < t->unreach_ttl)
			t->unreach_ttl = p->ttl;
	}
	emit_probe(t, p, answer_names[kind], from, rtt_ms);
	settle(t, p, rtt_ms, true);
	if (kind != ANS_HOP && t->sending && t->ttl_next > ttl_limit(t))
		cycle_sent(t);	/* nothing left to send this cycle */
}

void
trace_lost(struct trace_probe *p)
{
	emit_probe(p->t, p, "lost", NULL, 0);
	settle(p->t, p, 0, false);
}

static void
on_probe_timeout(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	trace_lost(arg);
}

void
trace_probe_arm(struct trace *t, struct trace_probe *p, int fd,
    void (*cb)(int, short, void *))
{
	struct timeval tv = { (time_t)t->cfg.timeout, (suseconds_t)
	    ((t->cfg.timeout - (double)(time_t)t->cfg.timeout) * 1e6) };

	event_assign(p->ev, loop_base(t->loop), fd, fd >= 0 ? EV_READ : 0,
	    cb != NULL ? cb : on_probe_timeout, p);
	event_add(p->ev, &tv);
}

static struct trace_probe *
free_probe(struct trace *t)
{
	unsigned i;

	for (i = 0; i < TRACE_PROBES; i++)
		if (!t->probes[i].busy)
			return &t->probes[i];
	return NULL;
}

static void
send_probe(struct trace *t, unsigned ttl)
{
	struct trace_probe *p = free_probe(t);

	if (p == NULL)
		return;		/* every slot waits: this TTL sits out a cycle */
	p->ttl = ttl;
	p->seq = (uint16_t)((t->gen++ & 0xffu) << 8 | (unsigned)(p - t->probes));
	p->sent = clock_mono();
	p->busy = true;
	p->fd = -1;
	t->inflight++;
	if (!t->ops->send(t, p))
		trace_lost(p);
}

/* The first TTLs go at once, as traceroute sends 16 together: a path
 * is usually a handful of hops, each a different router, so no one of
 * them sees a burst. Further TTLs follow one per TTL_GAP until the
 * destination answers. */
static void
start_cycle(struct trace *t)
{
	struct timeval gap = { 0, (suseconds_t)(TTL_GAP * 1e6) };
	unsigned n;

	t->cycle++;
	t->cycle_started = clock_mono();
	t->ttl_next = t->cfg.first_ttl;
	t->sending = true;
	for (n = 0; n < TTL_BURST && t->ttl_next <= ttl_limit(t); n++)
		send_probe(t, t->ttl_next++);
	event_add(t->tick, &gap);
}

static void
on_next_cycle(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	start_cycle(arg);
}

/* Every TTL of the cycle has gone: the next cycle after the interval,
 * or the end once the last probes are answered. */
static void
cycle_sent(struct trace *t)
{
	struct timeval iv;
	double wait;

	event_del(t->tick);
	t->sending = false;
	if (t->running && (t->cfg.cycles == 0 || t->cycle < t->cfg.cycles)) {
		wait = t->cfg.interval - (clock_mono() - t->cycle_started);
		wait = wait < 0 ? 0 : wait;
		iv.tv_sec = (time_t)wait;
		iv.tv_usec = (suseconds_t)((wait - (double)iv.tv_sec) * 1e6);
		event_add(t->next_cycle, &iv);
		return;
	}
	finish_if_done(t);
}

/* One TTL per tick, up to the destination's. */
static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct trace *t = arg;

	(void)fd;
	(void)what;
	if (t->running && t->ttl_next <= ttl_limit(t))
		send_probe(t, t->ttl_next++);
	else
		cycle_sent(t);
}

/* The hops worth showing: up to the destination, else up to one past the
 * last hop that answered. */
static unsigned
last_hop(const struct trace *t)
{
	unsigned ttl, last = ttl_limit(t);

	if (t->dest_ttl != 0 || t->unreach_ttl != 0)
		return last;
	for (ttl = last; ttl > t->cfg.first_ttl && !t->hops[ttl - 1].seen; ttl--)
		;
	return ttl;
}

static void
emit_hops(struct trace *t)
{
	unsigned ttl, last = last_hop(t);
	const struct trace_hop *h;
	char a[INET6_ADDRSTRLEN];
	struct ev ev;

	for (ttl = t->cfg.first_ttl; ttl <= last; ttl++) {
		h = &t->hops[ttl];
		addr_str(&h->addr, a, sizeof a);
		ev_init(&ev, "trace", "hop");
		ev_int(&ev, "ttl", ttl);
		ev_str(&ev, "addr", a);
		if (t->rdns != NULL && h->seen)
			ev_str(&ev, "host", h->name[0] != '\0' ? h->name : a);
		ev_real(&ev, "loss", h->sent > 0 ? 100.0 *
		    (h->sent - h->received) / h->sent : 100.0);
		ev_int(&ev, "sent", h->sent);
		ev_int(&ev, "received", h->received);
		ev_real(&ev, "rtt_last", h->last);
		ev_real(&ev, "rtt_avg", h->avg);
		ev_real(&ev, "rtt_best", h->best);
		ev_real(&ev, "rtt_worst", h->worst);
		ev_real(&ev, "rtt_stdev", h->stdev);
		ev_bool(&ev, "dest", h->is_dest);
		if (h->unreachable)
			ev_bool(&ev, "unreachable", true);
		evlog_push(t->log, &ev);
	}
}

static void
emit_done(struct trace *t)
{
	char a[INET6_ADDRSTRLEN];
	struct ev ev;

	addr_str(&t->cfg.dst, a, sizeof a);
	ev_init(&ev, "trace", "done");
	ev_str(&ev, "target", t->cfg.name);
	ev_str(&ev, "addr", a);
	ev_str(&ev, "method", t->ops->name);
	ev_bool(&ev, "reached", t->dest_ttl != 0);
	ev_int(&ev, "hops", last_hop(t) - t->cfg.first_ttl + 1);
	ev_int(&ev, "cycles", t->cycle);
	if (t->unreach_ttl != 0) {
		addr_str(&t->hops[t->unreach_ttl].addr, a, sizeof a);
		ev_str(&ev, "unreachable_from", a);
	}
	ev_real(&ev, "elapsed", clock_mono() - t->started);
	evlog_push(t->log, &ev);
}

/* Names that have arrived, into the hops. */
static void
collect_names(struct trace *t)
{
	unsigned ttl;

	for (ttl = 1; ttl <= TRACE_MAX_TTL; ttl++)
		if (t->hops[ttl].seen)
			(void)rdns_name(t->rdns, &t->hops[ttl].addr,
			    t->hops[ttl].name, sizeof t->hops[ttl].name);
}

static void
on_name(void *arg)
{
	struct trace *t = arg;

	collect_names(t);
	if (event_pending(t->names_wait, EV_TIMEOUT, NULL) &&
	    rdns_pending(t->rdns) == 0) {
		event_del(t->names_wait);
		finish_if_done(t);
	}
}

static void
on_names_wait(evutil_socket_t fd, short what, void *arg)
{
	struct trace *t = arg;

	(void)fd;
	(void)what;
	t->names_waited = true;		/* the rest stay numeric */
	finish_if_done(t);
}

/* Names still coming: wait for them, a second at most. */
static bool
waiting_for_names(struct trace *t)
{
	struct timeval tv = { (time_t)NAMES_WAIT, 0 };

	if (t->rdns == NULL)
		return false;
	collect_names(t);
	if (rdns_pending(t->rdns) == 0 || t->names_waited)
		return false;
	if (!event_pending(t->names_wait, EV_TIMEOUT, NULL)) {
		event_add(t->names_wait, &tv);
		return true;
	}
	return true;
}

/* Done when every cycle has been sent and every probe has its outcome. */
static void
finish_if_done(struct trace *t)
{
	if (!t->running || t->sending || t->inflight > 0 ||
	    event_pending(t->next_cycle, EV_TIMEOUT, NULL))
		return;
	if (event_pending(t->names_wait, EV_TIMEOUT, NULL))
		return;
	if (waiting_for_names(t))
		return;
	t->running = false;
	emit_hops(t);
	emit_done(t);
	if (t->done != NULL)
		t->done(t->done_arg);
}

struct trace *
trace_new(struct loop *loop, struct evlog *log, const struct trace_config *cfg,
    char *err, size_t errlen)
{
	struct trace *t = calloc(1, sizeof *t);
	unsigned i;

	if (t == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	t->loop = loop;
	t->log = log;
	t->cfg = *cfg;
	if (t->cfg.max_ttl > TRACE_MAX_TTL)
		t->cfg.max_ttl = TRACE_MAX_TTL;
	t->ops = cfg->method == TRACE_ICMP ? &trace_icmp_ops :
	    cfg->method == TRACE_TCP ? &trace_tcp_ops : &trace_udp_ops;
	for (i = 0; i < TRACE_PROBES; i++) {
		t->probes[i].t = t;
		t->probes[i].fd = -1;
		if ((t->probes[i].ev = event_new(loop_base(loop), -1, 0, NULL,
		    NULL)) == NULL)
			break;
	}
	t->tick = event_new(loop_base(loop), -1, EV_PERSIST, on_tick, t);
	t->names_wait = event_new(loop_base(loop), -1, 0, on_names_wait, t);
	if (cfg->names)
		t->rdns = rdns_new(loop, on_name, t);
	t->next_cycle = event_new(loop_base(loop), -1, 0, on_next_cycle, t);
	if (i < TRACE_PROBES || t->tick == NULL || t->next_cycle == NULL ||
	    t->names_wait == NULL || (cfg->names && t->rdns == NULL)) {
		snprintf(err, errlen, "out of memory");
		trace_free(t);
		return NULL;
	}
	if (t->ops->open != NULL && t->ops->open(t, err, errlen) != 0) {
		trace_free(t);
		return NULL;
	}
	return t;
}

void
trace_start(struct trace *t, void (*done)(void *), void *arg)
{
	char a[INET6_ADDRSTRLEN];
	struct ev ev;

	t->done = done;
	t->done_arg = arg;
	t->running = true;
	t->started = clock_mono();
	addr_str(&t->cfg.dst, a, sizeof a);
	ev_init(&ev, "trace", "started");
	ev_str(&ev, "target", t->cfg.name);
	ev_str(&ev, "addr", a);
	ev_str(&ev, "method", t->ops->name);
	ev_int(&ev, "max_ttl", t->cfg.max_ttl);
	ev_int(&ev, "cycles", t->cfg.cycles);
	evlog_push(t->log, &ev);
	start_cycle(t);
}

/* Stops sending; what is in flight is given up, and the figures so far
 * are reported as at a normal end. */
void
trace_stop(struct trace *t)
{
	unsigned i;

	if (!t->running)
		return;
	event_del(t->tick);
	event_del(t->next_cycle);
	t->sending = false;
	for (i = 0; i < TRACE_PROBES; i++)
		if (t->probes[i].busy) {
			event_del(t->probes[i].ev);
			t->ops->release(&t->probes[i]);
			t->probes[i].busy = false;
		}
	t->inflight = 0;
	finish_if_done(t);
}

void
trace_free(struct trace *t)
{
	unsigned i;

	if (t == NULL)
		return;
	for (i = 0; i < TRACE_PROBES; i++) {
		if (t->probes[i].busy)
			t->ops->release(&t->probes[i]);
		if (t->probes[i].ev != NULL)
			event_free(t->probes[i].ev);
	}
	if (t->tick != NULL)
		event_free(t->tick);
	if (t->next_cycle != NULL)
		event_free(t->next_cycle);
	if (t->names_wait != NULL)
		event_free(t->names_wait);
	rdns_free(t->rdns);
	if (t->ops->close != NULL)
		t->ops->close(t);
	free(t);
}

const struct trace_hop *
trace_hops(const struct trace *t, unsigned *first, unsigned *last)
{
	*first = t->cfg.first_ttl;
	*last = last_hop(t);
	return t->hops;
}

bool
trace_reached(const struct trace *t)
{
	return t->dest_ttl != 0;
}
