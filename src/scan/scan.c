/* scan.c: scheduling and timing of every kind of scan (see scan.h); the
 * method (connect, syn, udp) sends each probe and reads its answer. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <event2/event.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "scan_int.h"

#define PACE_TICK	0.002	/* the timer that keeps the window full */
#define CWND_FIRST	64	/* connects in flight at first */
#define CWND_MIN	16
#define RTO_FIRST	1.0
#define RTO_MIN		0.1
#define RTO_MAX		2.0
#define TRIES		2	/* a silent port is tried twice */
#define FD_RESERVE	64	/* fds left for the rest of the program */
#define INFLIGHT_MAX	4096

static const char *const state_names[] = {
	"open", "closed", "filtered", "open|filtered",
};

void
probe_begin(struct probe *p, uint32_t idx, uint8_t tries)
{
	p->idx = idx;
	p->tries = tries;
	p->got = 0;
	p->asked = false;
	p->busy = true;
	p->sent = clock_mono();
	p->rtt = 0;
}

/* Waits for the probe's fd (or, with fd -1, only for its timeout). */
void
probe_arm(struct scan *s, struct probe *p, int fd, short what,
    void (*cb)(int, short, void *))
{
	struct timeval tv;

	tv.tv_sec = (time_t)s->rto;
	tv.tv_usec = (suseconds_t)((s->rto - (double)tv.tv_sec) * 1e6);
	event_assign(p->ev, loop_base(s->loop), fd, what, cb, p);
	event_add(p->ev, &tv);
}

static void
probe_release(struct scan *s, struct probe *p, bool open)
{
	if (!p->busy)
		return;
	event_del(p->ev);
	s->m->release(p, open);
	p->busy = false;
}

uint16_t
scan_port_of(const struct scan *s, uint32_t idx)
{
	return s->cfg.ports->list[idx % s->cfg.ports->count];
}

const struct sockaddr_storage *
scan_host_of(const struct scan *s, uint32_t idx)
{
	return &s->cfg.target->hosts[idx / s->cfg.ports->count];
}

/* The address and port of probe idx, ready for connect or sendto. */
socklen_t
scan_addr_of(const struct scan *s, uint32_t idx, struct sockaddr_storage *to)
{
	uint16_t port = htons(scan_port_of(s, idx));

	*to = *scan_host_of(s, idx);
	if (to->ss_family == AF_INET6) {
		((struct sockaddr_in6 *)to)->sin6_port = port;
		return sizeof(struct sockaddr_in6);
	}
	((struct sockaddr_in *)to)->sin_port = port;
	return sizeof(struct sockaddr_in);
}

void
scan_rtt_sample(struct scan *s, double rtt)
{
	double err;

	if (rtt <= 0)
		return;
	if (s->srtt == 0) {
		s->srtt = rtt;
		s->rttvar = rtt / 2;
	} else {
		err = rtt - s->srtt;
		s->srtt += err / 8;
		s->rttvar += ((err < 0 ? -err : err) - s->rttvar) / 4;
	}
	s->rto = s->srtt + 4 * s->rttvar;
	s->rto = s->rto < RTO_MIN ? RTO_MIN : s->rto > RTO_MAX ? RTO_MAX : s->rto;
}

/* The service: what the banner says, else the port's name in
 * /etc/services with a '?' (a guess by number only, as nmap marks it). */
static void
guess_service(const struct scan *s, const struct probe *p, char *out)
{
	struct servent *se;

	out[0] = '\0';
	if (p->got > 0 && s->cfg.services != NULL &&
	    banner_guess(s->cfg.services, s->cfg.services_len, p->buf, p->got,
	    out))
		return;
	if ((se = getservbyport(htons(scan_port_of(s, p->idx)), s->m->proto)) != NULL)
		snprintf(out, SERVICE_MAX, "%.30s?", se->s_name);
}

static void
emit_port(struct scan *s, const struct probe *p, enum port_state st,
    const char *reason)
{
	char host[64], service[SERVICE_MAX], banner[BANNER_MAX];
	struct ev ev;

	target_addr_str(scan_host_of(s, p->idx), host, sizeof host);
	guess_service(s, p, service);
	ev_init(&ev, "scan", "port");
	ev_str(&ev, "host", host);
	ev_int(&ev, "port", scan_port_of(s, p->idx));
	ev_str(&ev, "proto", s->m->proto);
	ev_str(&ev, "state", state_names[st]);
	ev_str(&ev, "reason", reason);
	if (service[0] != '\0')
		ev_str(&ev, "service", service);
	if (p->got > 0) {
		banner_clean(p->buf, p->got, banner);
		ev_str(&ev, "banner", banner);
	}
	if (p->rtt > 0 && st != PORT_FILTERED)
		ev_real(&ev, "rtt_ms", p->rtt * 1000);
	evlog_push(s->log, &ev);
}

static void fill(struct scan *);

/* Loss: halve the window, at most once per timeout period (as TCP cuts
 * once per window of losses, not once per lost segment). */
static void
cut_window(struct scan *s)
{
	double now = clock_mono();

	if (now - s->last_cut < s->rto)
		return;
	s->last_cut = now;
	s->cwnd = s->cwnd / 2 < CWND_MIN ? CWND_MIN : s->cwnd / 2;
}

void
scan_finish(struct scan *s, struct probe *p, enum port_state st,
    const char *reason)
{
	size_t *count = st == PORT_OPEN ? &s->counts.open :
	    st == PORT_CLOSED ? &s->counts.closed :
	    st == PORT_FILTERED ? &s->counts.filtered : &s->counts.open_filtered;

	(*count)++;
	s->counts.done++;
	if (st != PORT_CLOSED || s->cfg.report_closed)
		emit_port(s, p, st, reason);
	if (st != s->m->silent_state && p->tries > 0)
		cut_window(s);		/* an earlier try was lost */
	else
		s->cwnd += 1;
	probe_release(s, p, st == PORT_OPEN);
	s->free_slots[s->nfree++] = (unsigned)(p - s->slots);
	s->counts.inflight--;
	fill(s);
}

static void
requeue(struct scan *s, uint32_t idx, uint8_t tries)
{
	if (s->nretry == s->retry_cap) {
		size_t cap = s->retry_cap ? 2 * s->retry_cap : 256;
		uint32_t *r = realloc(s->retry, cap * sizeof *r);
		uint8_t *t = realloc(s->retry_tries, cap);

		if (r != NULL)
			s->retry = r;
		if (t != NULL)
			s->retry_tries = t;
		if (r == NULL || t == NULL)
			return;		/* out of memory: the port stays unanswered */
		s->retry_cap = cap;
	}
	s->retry[s->nretry] = idx;
	s->retry_tries[s->nretry++] = tries;
}

/* The probe told us nothing (it met itself): the same try again, from
 * another local port. */
void
scan_try_again(struct scan *s, struct probe *p)
{
	requeue(s, p->idx, p->tries);
	probe_release(s, p, false);
	s->free_slots[s->nfree++] = (unsigned)(p - s->slots);
	s->counts.inflight--;
}

/* No answer in time: try once more, then give the silent verdict
 * (filtered for TCP, open|filtered for UDP). Silence alone does not
 * shrink the window: a firewall that drops is not a congested path. As
 * nmap does, we learn of loss when a port stays silent to one try and
 * answers the next (see scan_finish). */
void
scan_timed_out(struct scan *s, struct probe *p)
{
	if (p->tries + 1 < TRIES) {
		s->cwnd += 1;	/* the probe has left the window */
		p->tries++;
		scan_try_again(s, p);
		return;
	}
	scan_finish(s, p, s->m->silent_state, s->m->silent_reason);
}

static bool
rate_allows(struct scan *s, double now)
{
	if (s->cfg.rate == 0)
		return true;
	s->tokens += (now - s->tokens_at) * s->cfg.rate;
	s->tokens_at = now;
	if (s->tokens > s->cfg.rate / 50.0 + 1)	/* at most 20 ms of burst */
		s->tokens = s->cfg.rate / 50.0 + 1;
	if (s->tokens < 1)
		return false;
	s->tokens -= 1;
	return true;
}

static void
emit_progress(struct scan *s)
{
	struct scan_counts c;
	struct ev ev;

	scan_counts(s, &c);
	ev_init(&ev, "scan", "progress");
	ev_str(&ev, "target", s->cfg.target->name);
	ev_int(&ev, "done", (int64_t)c.done);
	ev_int(&ev, "total", (int64_t)c.total);
	ev_int(&ev, "open", (int64_t)c.open);
	ev_int(&ev, "closed", (int64_t)c.closed);
	ev_int(&ev, "filtered", (int64_t)(c.filtered + c.open_filtered));
	ev_int(&ev, "inflight", (int64_t)c.inflight);
	ev_real(&ev, "per_second", c.per_second);
	if (c.per_second > 0)
		ev_real(&ev, "eta", (double)(c.total - c.done) / c.per_second);
	evlog_push(s->log, &ev);
}

static void
on_progress(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	emit_progress(arg);
}

static void
emit_done(struct scan *s)
{
	struct ev ev;

	scan_counts(s, &s->counts);
	ev_init(&ev, "scan", "done");
	ev_str(&ev, "target", s->cfg.target->name);
	ev_int(&ev, "hosts", (int64_t)s->cfg.target->count);
	ev_int(&ev, "ports", s->total);
	ev_int(&ev, "open", (int64_t)s->counts.open);
	ev_int(&ev, "closed", (int64_t)s->counts.closed);
	ev_int(&ev, "filtered", (int64_t)s->counts.filtered);
	if (s->cfg.type == SCAN_UDP)
		ev_int(&ev, "open_filtered", (int64_t)s->counts.open_filtered);
	ev_str(&ev, "type", scan_type_name(s->cfg.type));
	ev_real(&ev, "elapsed", s->counts.elapsed);
	ev_real(&ev, "per_second", s->counts.per_second);
	evlog_push(s->log, &ev);
}

/* Launches connects while the window, the rate and the fds allow. */
static void
fill(struct scan *s)
{
	double now = clock_mono();
	uint32_t idx;
	uint8_t tries;
	struct probe *p;

	/* A connect that answers at once finishes inside probe_launch and
	 * calls here again: the outer call goes on, no recursion. */
	if (s->in_fill)
		return;
	s->in_fill = true;
	while (s->running && s->nfree > 0 && s->counts.inflight < (size_t)s->cwnd &&
	    (s->nretry > 0 || s->next < s->total) && rate_allows(s, now)) {
		if (s->nretry > 0) {
			idx = s->retry[--s->nretry];
			tries = s->retry_tries[s->nretry];
		} else {
			idx = s->next++;
			tries = 0;
		}
		p = &s->slots[s->free_slots[--s->nfree]];
		s->counts.inflight++;
		if (!s->m->launch(s, p, idx, tries)) {	/* no fd or port: later */
			s->counts.inflight--;
			s->free_slots[s->nfree++] = (unsigned)(p - s->slots);
			requeue(s, idx, tries);
			s->cwnd = s->cwnd / 2 < CWND_MIN ? CWND_MIN : s->cwnd / 2;
			break;
		}
	}
	s->in_fill = false;
	if (s->running && s->counts.done == s->total) {
		s->running = false;
		event_del(s->pace);
		if (s->progress != NULL)
			event_del(s->progress);
		emit_done(s);
		if (s->done != NULL)
			s->done(s->done_arg);
	}
}

static void
on_pace(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	fill(arg);
}

static unsigned
inflight_limit(const struct scan_config *cfg)
{
	struct rlimit rl;
	rlim_t fds = INFLIGHT_MAX + FD_RESERVE;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < fds)
		fds = rl.rlim_cur;
	if (fds < FD_RESERVE + CWND_MIN)
		fds = FD_RESERVE + CWND_MIN;
	fds -= FD_RESERVE;
	if (cfg->max_inflight > 0 && cfg->max_inflight < fds)
		fds = cfg->max_inflight;
	return (unsigned)fds;
}

static int
make_slots(struct scan *s)
{
	unsigned i;

	s->slots = calloc(s->nslots, sizeof *s->slots);
	s->free_slots = calloc(s->nslots, sizeof *s->free_slots);
	if (s->slots == NULL || s->free_slots == NULL)
		return -1;
	for (i = 0; i < s->nslots; i++) {
		s->slots[i].scan = s;
		s->slots[i].fd = -1;
		s->slots[i].busy = false;
		s->slots[i].ev = event_new(loop_base(s->loop), -1, 0, NULL, NULL);
		if (s->slots[i].ev == NULL)
			return -1;
		s->free_slots[s->nfree++] = s->nslots - 1 - i;
	}
	return 0;
}

const char *
scan_type_name(enum scan_type t)
{
	return t == SCAN_SYN ? "syn" : t == SCAN_UDP ? "udp" : "connect";
}

static const struct scan_method *
method_of(enum scan_type t)
{
	return t == SCAN_SYN ? &scan_syn_method : t == SCAN_UDP ?
	    &scan_udp_method : &scan_connect_method;
}

struct scan *
scan_new(struct loop *loop, struct evlog *log, const struct scan_config *cfg,
    char *err, size_t errlen)
{
	struct scan *s = calloc(1, sizeof *s);
	uint64_t total = (uint64_t)cfg->target->count * cfg->ports->count;

	if (s == NULL || total == 0 || total > UINT32_MAX) {
		snprintf(err, errlen, total == 0 ? "nothing to scan" :
		    s == NULL ? "out of memory" : "too many host and port pairs");
		free(s);
		return NULL;
	}
	s->loop = loop;
	s->log = log;
	s->cfg = *cfg;
	s->m = method_of(cfg->type);
	s->total = (uint32_t)total;
	s->counts.total = total;
	s->nslots = inflight_limit(cfg);
	s->rto = RTO_FIRST;
	s->cwnd = CWND_FIRST;
	if (make_slots(s) != 0 ||
	    (s->pace = event_new(loop_base(loop), -1, EV_PERSIST, on_pace, s)) == NULL) {
		snprintf(err, errlen, "out of memory");
		scan_free(s);
		return NULL;
	}
	if (s->m->open != NULL && s->m->open(s, err, errlen) != 0) {
		scan_free(s);
		return NULL;
	}
	return s;
}

void
scan_start(struct scan *s, void (*done)(void *), void *arg)
{
	struct timeval tick = { 0, (suseconds_t)(PACE_TICK * 1e6) };
	struct ev ev;

	s->done = done;
	s->done_arg = arg;
	s->running = true;
	s->started = s->tokens_at = clock_mono();
	ev_init(&ev, "scan", "started");
	ev_str(&ev, "target", s->cfg.target->name);
	ev_int(&ev, "hosts", (int64_t)s->cfg.target->count);
	ev_int(&ev, "ports", s->total);
	ev_str(&ev, "type", scan_type_name(s->cfg.type));
	ev_int(&ev, "max_inflight", s->nslots);
	evlog_push(s->log, &ev);
	event_add(s->pace, &tick);
	if (s->cfg.progress_every > 0 && (s->progress = event_new(loop_base(s->loop),
	    -1, EV_PERSIST, on_progress, s)) != NULL) {
		struct timeval every = { (time_t)s->cfg.progress_every,
		    (suseconds_t)((s->cfg.progress_every -
		    (double)(time_t)s->cfg.progress_every) * 1e6) };

		event_add(s->progress, &every);
	}
	fill(s);
}

void
scan_stop(struct scan *s)
{
	unsigned i;

	s->running = false;
	if (s->pace != NULL)
		event_del(s->pace);
	if (s->progress != NULL)
		event_del(s->progress);
	for (i = 0; s->slots != NULL && i < s->nslots; i++)
		probe_release(s, &s->slots[i], true);
}

void
scan_counts(const struct scan *s, struct scan_counts *c)
{
	*c = s->counts;
	c->elapsed = clock_mono() - s->started;
	c->per_second = c->elapsed > 0 ? (double)c->done / c->elapsed : 0;
	c->finished = !s->running && c->done == c->total;
}

void
scan_free(struct scan *s)
{
	unsigned i;

	if (s == NULL)
		return;
	scan_stop(s);
	if (s->m->close != NULL)
		s->m->close(s);
	for (i = 0; s->slots != NULL && i < s->nslots; i++)
		if (s->slots[i].ev != NULL)
			event_free(s->slots[i].ev);
	if (s->pace != NULL)
		event_free(s->pace);
	if (s->progress != NULL)
		event_free(s->progress);
	free(s->slots);
	free(s->free_slots);
	free(s->retry);
	free(s->retry_tries);
	free(s);
}
