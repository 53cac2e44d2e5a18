/*
 * pane_trace.c: the Trace view (F8 puts it in place of the focused pane).
 * A form (host, method), Enter to start and to stop; rounds go on every
 * second until stopped, like mtr. The hops table shows each hop's loss,
 * sent, last, average, best, worst and standard deviation of the RTT and
 * a sparkline of its last RTTs (a gap where a probe was lost). It starts
 * traces through trace_job (the same path as `punchline trace`), draws
 * from the trace's hop figures and follows its "probe" events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "../src/core/evlog.h"
#include "../src/trace/trace_job.h"
#include "draw.h"
#include "ev_read.h"
#include "form.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_trace.h"
#include "theme.h"

#define SPARK	24	/* RTTs kept per hop for the sparkline */

enum field { F_HOST, F_METHOD, F_COUNT };

struct spark {
	float		 rtt[SPARK];	/* ms; < 0: lost */
	unsigned	 n;		/* total added */
};

struct trace_pane {
	struct line_edit	 host;
	enum trace_method	 method;
	int			 field;
	struct trace_job	*job;
	bool			 running;
	char			 status[440];
	struct spark		 spark[TRACE_MAX_TTL + 1];
};

static struct {
	struct loop	*loop;
	struct evlog	*log;
} attached;

void
pane_trace_attach(struct loop *loop, struct evlog *log)
{
	attached.loop = loop;
	attached.log = log;
}

static const char *const method_names[] = { "udp", "icmp", "tcp" };

static void
init(struct pane *pane)
{
	struct trace_pane *v = calloc(1, sizeof *v);

	if (v == NULL)
		return;
	pane->data = v;
	line_init(&v->host);
	line_set(&v->host, "127.0.0.1");
	snprintf(v->status, sizeof v->status, "Enter traces the path to the "
	    "host, round after round, until Enter again.");
}

static void
free_pane(struct pane *pane)
{
	struct trace_pane *v = pane->data;

	if (v == NULL)
		return;
	trace_job_free(v->job);
	free(v);
	pane->data = NULL;
}

static void
on_job_done(void *arg, int status)
{
	struct trace_pane *v = arg;

	v->running = false;
	if (status == 0 && v->status[0] == '\0')
		snprintf(v->status, sizeof v->status, "stopped");
}

static void
start_trace(struct trace_pane *v)
{
	struct trace_config cfg;
	char err[400] = "";

	trace_job_free(v->job);
	v->job = NULL;
	memset(v->spark, 0, sizeof v->spark);
	v->status[0] = '\0';
	trace_config_init(&cfg);
	cfg.method = v->method;
	cfg.cycles = 0;			/* until stopped, as mtr */
	cfg.port = v->method == TRACE_TCP ? 80 : 33434;
	cfg.report_probes = true;
	cfg.names = true;
	if ((v->job = trace_job_new(attached.loop, attached.log, v->host.buf,
	    &cfg, on_job_done, v, err, sizeof err)) == NULL) {
		snprintf(v->status, sizeof v->status, "%s", err);
		return;
	}
	v->running = true;
}

static void
add_spark(struct trace_pane *v, const struct ev *ev)
{
	int64_t ttl = ev_read_int(ev, "ttl");
	const struct ev_field *rtt = ev_find(ev, "rtt_ms");
	struct spark *sp;

	if (ttl < 1 || ttl > TRACE_MAX_TTL)
		return;
	sp = &v->spark[ttl];
	sp->rtt[sp->n++ % SPARK] = rtt != NULL && rtt->type == EV_REAL ?
	    (float)rtt->v.d : -1.0f;
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct trace_pane *v = pane->data;
	const char *why;

	if (v == NULL || v->job == NULL || strcmp(ev->engine, "trace") != 0)
		return;
	if (strcmp(ev->kind, "probe") == 0)
		add_spark(v, ev);
	else if (strcmp(ev->kind, "failed") == 0 &&
	    (why = ev_get_str(ev, "why")) != NULL)
		snprintf(v->status, sizeof v->status, "%s", why);
	else if (strcmp(ev->kind, "done") != 0)
		return;
	pane->dirty = true;
}

/* The last RTTs as bars scaled to the worst of them; ' ' where lost. */
static void
sparkline(const struct spark *sp, int width, char *out, size_t len)
{
	unsigned n = sp->n < SPARK ? sp->n : SPARK, i, from;
	float worst = 0, values[SPARK];

	out[0] = '\0';
	if (width > (int)n)
		width = (int)n;
	if (width <= 0)
		return;
	from = sp->n - (unsigned)width;
	for (i = from; i < sp->n; i++) {
		values[i - from] = sp->rtt[i % SPARK];
		if (sp->rtt[i % SPARK] > worst)
			worst = sp->rtt[i % SPARK];
	}
	draw_sparkline(values, width, worst, out, len);
}

static void
hop_host(const struct trace_hop *h, char *out, size_t len)
{
	const void *a = h->addr.ss_family == AF_INET6 ?
	    (const void *)&((const struct sockaddr_in6 *)&h->addr)->sin6_addr :
	    (const void *)&((const struct sockaddr_in *)&h->addr)->sin_addr;

	if (h->seen && h->name[0] != '\0')
		snprintf(out, len, "%.63s", h->name);
	else if (!h->seen || inet_ntop(h->addr.ss_family, a, out,
	    (socklen_t)len) == NULL)
		snprintf(out, len, "???");
}

/* One row, with as many columns as the width holds: mtr's full set from
 * 82 columns (and the sparkline from 90), else host, loss, sent, last
 * and average. */
static void
format_hop(char *line, size_t len, int w, const char *ttl, const char *host,
    const char *loss, const char *snt, const char *last, const char *avg,
    const char *best, const char *wrst, const char *sd)
{
	int hw;

	if (w >= 82) {
		snprintf(line, len, "%-4s %-28.28s %6s %5s %6s %6s %6s %6s %6s",
		    ttl, host, loss, snt, last, avg, best, wrst, sd);
	} else if (w >= 56) {
		hw = w - 35 < 28 ? w - 35 : 28;
		snprintf(line, len, "%-4s %-*.*s %6s %5s %6s %6s", ttl, hw, hw,
		    host, loss, snt, last, avg);
	} else {
		hw = w - 19 > 4 ? w - 19 : 4;
		snprintf(line, len, "%-4s %-*.*s %6s %6s", ttl, hw, hw, host,
		    loss, avg);
	}
}

static void
draw_hop(struct trace_pane *v, WINDOW *win, int y, int w, unsigned ttl,
    const struct trace_hop *hp)
{
	char n[8], host[64], loss[16], snt[12], f[5][16], line[256];
	char spark[SPARK * 4 + 1];

	hop_host(hp, host, sizeof host);
	snprintf(n, sizeof n, "%u.", ttl);
	snprintf(loss, sizeof loss, "%.1f%%", hp->sent > 0 ? 100.0 *
	    (hp->sent - hp->received) / hp->sent : 0.0);
	snprintf(snt, sizeof snt, "%u", hp->sent);
	snprintf(f[0], sizeof f[0], "%.1f", hp->last);
	snprintf(f[1], sizeof f[1], "%.1f", hp->avg);
	snprintf(f[2], sizeof f[2], "%.1f", hp->best);
	snprintf(f[3], sizeof f[3], "%.1f", hp->worst);
	snprintf(f[4], sizeof f[4], "%.1f", hp->stdev);
	format_hop(line, sizeof line, w, n, host, loss, snt, f[0], f[1], f[2],
	    f[3], f[4]);
	draw_text(win, y, 0, w, theme_attr(hp->is_dest ? ROLE_TITLE_FOCUS :
	    hp->seen ? ROLE_TEXT : ROLE_DIM), line);
	if (w >= 90) {
		sparkline(&v->spark[ttl], w - 86 < SPARK ? w - 86 : SPARK, spark,
		    sizeof spark);
		draw_text(win, y, 86, w - 86, theme_attr(ROLE_STATUS), spark);
	}
}

static void
draw_hops(struct trace_pane *v, WINDOW *win, int y, int h, int w)
{
	const struct trace *t = v->job != NULL ? trace_job_trace(v->job) : NULL;
	const struct trace_hop *hops;
	unsigned first, last, ttl;
	char line[256];

	format_hop(line, sizeof line, w, "Hop", "Host", "Loss%", "Snt", "Last",
	    "Avg", "Best", "Wrst", "StDev");
	if (w >= 90)
		snprintf(line + strlen(line), sizeof line - strlen(line), "  RTT");
	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM) | A_BOLD, line);
	if (t == NULL)
		return;
	hops = trace_hops(t, &first, &last);
	for (ttl = first; ttl <= last && y < h; ttl++)
		draw_hop(v, win, y++, w, ttl, &hops[ttl]);
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct trace_pane *v = pane->data;
	int h = getmaxy(win), w = getmaxx(win), x;
	bool f = pane->focused;

	if (v == NULL || !draw_fits(win, 4, 30, pane->ops->title))
		return;
	x = form_text(win, 0, 0, w, "Host ", &v->host, 28,
	    f && v->field == F_HOST) + 2;
	x = form_choice(win, 0, x, w, "Method ", method_names[v->method],
	    f && v->field == F_METHOD) + 2;
	draw_text(win, 0, x, w - x, theme_attr(ROLE_DIM), v->running ?
	    "Enter: stop" : "Enter: start");
	form_status(win, 1, w, v->running ? "tracing, a round a second ..." :
	    NULL, v->status);
	draw_hops(v, win, 2, h, w);
}

static bool
text(struct pane *pane, int ch)
{
	struct trace_pane *v = pane->data;
	int step;

	if (v == NULL)
		return false;
	pane->dirty = true;
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		if (v->running)
			trace_job_stop(v->job);
		else
			start_trace(v);
		return true;
	case 27:
		if (v->running)
			trace_job_stop(v->job);
		return true;
	}
	if (form_focus_key(&v->field, F_COUNT, ch))
		return true;
	if (v->field == F_HOST && form_text_key(&v->host, ch))
		return true;
	if (v->field == F_METHOD && (step = form_choice_step(ch)) != 0) {
		v->method = (enum trace_method)form_turn((int)v->method,
		    step, 3);
		return true;
	}
	pane->dirty = false;
	return false;
}

static const char *
busy(struct pane *pane)
{
	struct trace_pane *v = pane->data;

	return v != NULL && v->running ? "a trace is running" : NULL;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "start tracing the host (or stop)" },
	{ 27, 0, NULL, "stop the trace" },
	{ KEY_UP, 0, NULL, "between the Host and Method fields (Down too)" },
	{ KEY_LEFT, 0, NULL, "in Method: udp, icmp or tcp (Right, Space too)" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_trace = {
	.name = "trace",
	.title = "Trace",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.on_event = on_event,
	.busy = busy,
};
