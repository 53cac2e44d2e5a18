/*
 * pane_scanner.c: the Scanner pane. A form (target, ports, kind of scan,
 * banners), Enter to start and Esc to stop, a progress bar with ports/s
 * and ETA, the results table filling in as ports answer (open and
 * filtered ones; closed are counted), counts per state, and a history of
 * the scans of this session. It starts scans through scan_job (the same
 * path as `punchline scan`) and draws from their events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../protocols/banner.h"
#include "../src/core/evlog.h"
#include "../src/scan/scan_job.h"
#include "draw.h"
#include "ev_read.h"
#include "form.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_scanner.h"
#include "theme.h"

#define ROWS_MAX	4096	/* result rows kept; more are counted */
#define HISTORY		8

enum field { F_TARGET, F_PORTS, F_TYPE, F_BANNERS, F_COUNT };

struct result_row {
	unsigned	 port;
	char		 proto[4];
	char		 state[16];
	char		 reason[24];
	char		 service[SERVICE_MAX];
	char		 banner[BANNER_MAX];
	double		 rtt_ms;
};

struct progress {
	long long	 done, total, open, closed, filtered;
	double		 per_second, eta;
};

struct scanner_pane {
	struct line_edit	 target, ports;
	enum scan_type		 type;
	bool			 banners;
	int			 field;
	struct scan_job		*job;
	bool			 running;
	struct result_row	*rows;
	size_t			 nrows, unshown;
	int			 scroll;
	struct progress		 prog;
	char			 status[400];
	char			 history[HISTORY][320];
	size_t			 nhistory;
	char			 what[160];	/* the running scan, said short */
};

static struct {
	struct loop	*loop;
	struct evlog	*log;
} attached;

void
pane_scanner_attach(struct loop *loop, struct evlog *log)
{
	attached.loop = loop;
	attached.log = log;
}

static const char *const type_names[] = { "connect", "syn", "udp" };

static void
init(struct pane *pane)
{
	struct scanner_pane *s = calloc(1, sizeof *s);

	if (s == NULL || (s->rows = calloc(ROWS_MAX, sizeof *s->rows)) == NULL) {
		free(s);
		return;
	}
	pane->data = s;
	line_set(&s->target, "127.0.0.1");
	line_set(&s->ports, "1-1024");
	snprintf(s->status, sizeof s->status, "Enter starts a scan; Up/Down "
	    "move between the fields. Scan only hosts you may scan.");
}

static void
free_pane(struct pane *pane)
{
	struct scanner_pane *s = pane->data;

	if (s == NULL)
		return;
	scan_job_free(s->job);
	free(s->rows);
	free(s);
	pane->data = NULL;
}

/* The job's end: called from inside the engine, so the job is freed
 * later (at the next start, or with the pane). */
static void
on_job_done(void *arg, int status)
{
	struct scanner_pane *s = arg;

	s->running = false;
	if (status == 1 && s->status[0] == '\0')
		snprintf(s->status, sizeof s->status, "stopped");
}

static void
start_scan(struct scanner_pane *s)
{
	struct scan_request req = { 0 };
	char err[320];

	scan_job_free(s->job);
	s->job = NULL;
	s->nrows = s->unshown = 0;
	s->scroll = 0;
	memset(&s->prog, 0, sizeof s->prog);
	s->status[0] = '\0';
	req.target = s->target.buf;
	req.ports = s->ports.buf[0] != '\0' ? s->ports.buf : NULL;
	req.type = s->type;
	req.banners = s->banners;
	req.progress_every = 0.25;
	snprintf(s->what, sizeof s->what, "%.60s %.40s %s%s", s->target.buf,
	    s->ports.buf[0] != '\0' ? s->ports.buf : "(default ports)",
	    type_names[s->type], s->banners ? " +banners" : "");
	if ((s->job = scan_job_new(attached.loop, attached.log, &req, on_job_done,
	    s, err, sizeof err)) == NULL) {
		snprintf(s->status, sizeof s->status, "%s", err);
		return;
	}
	s->running = true;
}

static void
stop_scan(struct scanner_pane *s)
{
	if (s->job != NULL && s->running)
		scan_job_stop(s->job);
}

static void
copy_str(char *dst, size_t len, const struct ev *ev, const char *key)
{
	snprintf(dst, len, "%s", ev_read_str(ev, key));
}

static void
add_row(struct scanner_pane *s, const struct ev *ev)
{
	struct result_row *r;

	if (s->nrows == ROWS_MAX) {
		s->unshown++;
		return;
	}
	r = &s->rows[s->nrows++];
	r->port = (unsigned)ev_read_int(ev, "port");
	copy_str(r->proto, sizeof r->proto, ev, "proto");
	copy_str(r->state, sizeof r->state, ev, "state");
	copy_str(r->reason, sizeof r->reason, ev, "reason");
	copy_str(r->service, sizeof r->service, ev, "service");
	copy_str(r->banner, sizeof r->banner, ev, "banner");
	r->rtt_ms = ev_read_real(ev, "rtt_ms");
}

static void
read_counts(struct progress *p, const struct ev *ev)
{
	p->done = ev_read_int(ev, "done");
	p->total = ev_read_int(ev, "total");
	p->open = ev_read_int(ev, "open");
	p->closed = ev_read_int(ev, "closed");
	p->filtered = ev_read_int(ev, "filtered");
	p->per_second = ev_read_real(ev, "per_second");
	p->eta = ev_read_real(ev, "eta");
}

static void
add_history(struct scanner_pane *s, const struct ev *ev)
{
	char stamp[9];
	time_t now = time(NULL);

	strftime(stamp, sizeof stamp, "%H:%M:%S", localtime(&now));
	snprintf(s->history[s->nhistory++ % HISTORY], sizeof s->history[0],
	    "%s %s: %lld open, %lld closed, %lld filtered in %.2f s", stamp,
	    s->what, (long long)ev_read_int(ev, "open"),
	    (long long)ev_read_int(ev, "closed"),
	    (long long)(ev_read_int(ev, "filtered") +
	    ev_read_int(ev, "open_filtered")), ev_read_real(ev, "elapsed"));
}

static void
on_done_event(struct scanner_pane *s, const struct ev *ev)
{
	s->prog.total = ev_read_int(ev, "ports");
	s->prog.done = s->prog.total;
	s->prog.open = ev_read_int(ev, "open");
	s->prog.closed = ev_read_int(ev, "closed");
	s->prog.filtered = ev_read_int(ev, "filtered") +
	    ev_read_int(ev, "open_filtered");
	s->prog.per_second = ev_read_real(ev, "per_second");
	s->prog.eta = 0;
	add_history(s, ev);
	snprintf(s->status, sizeof s->status, "done in %.2f s",
	    ev_read_real(ev, "elapsed"));
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct scanner_pane *s = pane->data;

	if (s == NULL || s->job == NULL || strcmp(ev->engine, "scan") != 0)
		return;
	if (strcmp(ev->kind, "port") == 0)
		add_row(s, ev);
	else if (strcmp(ev->kind, "progress") == 0)
		read_counts(&s->prog, ev);
	else if (strcmp(ev->kind, "started") == 0)
		s->prog.total = ev_read_int(ev, "ports");
	else if (strcmp(ev->kind, "done") == 0)
		on_done_event(s, ev);
	else if (strcmp(ev->kind, "failed") == 0)
		copy_str(s->status, sizeof s->status, ev, "why");
	else
		return;
	pane->dirty = true;
}

static int
draw_form(struct scanner_pane *s, WINDOW *win, int w, bool focused)
{
	int x, y = 0, field_w = w >= 72 ? 24 : w / 2 - 9;

	x = form_text(win, y, 0, w, "Target ", &s->target, field_w,
	    focused && s->field == F_TARGET) + 2;
	if (w < 72)
		x = 0, y++;
	form_text(win, y, x, w, "Ports ", &s->ports, field_w,
	    focused && s->field == F_PORTS);
	y++;
	x = form_choice(win, y, 0, w, "Type ", type_names[s->type],
	    focused && s->field == F_TYPE) + 2;
	x = form_choice(win, y, x, w, "Banners ", s->banners ? "on" : "off",
	    focused && s->field == F_BANNERS) + 2;
	draw_text(win, y, x, w - x, theme_attr(ROLE_DIM),
	    s->running ? "Enter/Esc: stop" : "Enter: start");
	return y + 1;
}

static void
draw_progress(struct scanner_pane *s, WINDOW *win, int y, int w)
{
	const struct progress *p = &s->prog;
	char line[640], bar[41], eta[96];
	int barw = w >= 100 ? 40 : w >= 60 ? 20 : 10, fill, i;

	if (p->total == 0) {
		form_status(win, y, w, s->running ?
		    "looking up the target ..." : NULL, s->status);
		return;
	}
	fill = (int)(barw * p->done / p->total);
	for (i = 0; i < barw; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[barw] = '\0';
	if (s->running)
		snprintf(eta, sizeof eta, "ETA %.1f s", p->eta);
	else
		snprintf(eta, sizeof eta, "%.80s", s->status);
	snprintf(line, sizeof line, "[%s] %3lld%% %lld/%lld  %.0f/s  %s  open "
	    "%lld  closed %lld  filtered %lld", bar, 100 * p->done / p->total,
	    p->done, p->total, p->per_second, eta, p->open, p->closed,
	    p->filtered);
	draw_text(win, y, 0, w, theme_attr(ROLE_STATUS), line);
}

/* Columns by width: port and state always; then service and banner;
 * from 70 columns reason and RTT too. */
static void
format_columns(int w, const char *port, const char *state, const char *reason,
    const char *service, const char *rtt, const char *banner, char *out,
    size_t len)
{
	if (w < 40)
		snprintf(out, len, "%-10s %s", port, state);
	else if (w < 70)	/* what is there says more than why */
		snprintf(out, len, "%-10s %-9.9s %-10.10s %s", port, state,
		    service, banner);
	else
		snprintf(out, len, "%-10s %-14s %-17s %-12s %8s  %s", port, state,
		    reason, service, rtt, banner);
}

static void
format_row(const struct result_row *r, int w, char *out, size_t len)
{
	char port[16], rtt[16] = "";

	snprintf(port, sizeof port, "%u/%s", r->port, r->proto);
	if (r->rtt_ms > 0)
		snprintf(rtt, sizeof rtt, "%.2f", r->rtt_ms);
	format_columns(w, port, r->state, r->reason, r->service, rtt, r->banner,
	    out, len);
}

static int
row_attr(const struct result_row *r)
{
	if (strcmp(r->state, "open") == 0)
		return theme_attr(ROLE_TITLE_FOCUS);
	if (strcmp(r->state, "closed") == 0)
		return theme_attr(ROLE_DIM);
	return theme_attr(ROLE_WARNING);
}

static void
draw_results(struct scanner_pane *s, WINDOW *win, int y, int bottom, int w)
{
	char line[512];
	int rows = bottom - y - 1;
	size_t i;

	if (rows < 1)
		return;
	format_columns(w, "PORT", "STATE", "REASON", "SERVICE", "RTT ms",
	    "BANNER", line, sizeof line);
	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM) | A_BOLD, line);
	if (s->scroll > (int)s->nrows - rows)
		s->scroll = (int)s->nrows - rows;
	if (s->scroll < 0)
		s->scroll = 0;
	for (i = (size_t)s->scroll; i < s->nrows && y < bottom; i++) {
		format_row(&s->rows[i], w, line, sizeof line);
		draw_text(win, y++, 0, w, row_attr(&s->rows[i]), line);
	}
	if (s->unshown > 0 && y < bottom) {
		snprintf(line, sizeof line, "(%zu more not kept)", s->unshown);
		draw_text(win, y, 0, w, theme_attr(ROLE_DIM), line);
	}
}

static void
draw_history(struct scanner_pane *s, WINDOW *win, int y, int shown, int w)
{
	size_t n = s->nhistory < (size_t)shown ? s->nhistory : (size_t)shown, i;

	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM) | A_BOLD, "History");
	for (i = 0; i < n; i++)
		draw_text(win, y++, 0, w, theme_attr(ROLE_DIM),
		    s->history[(s->nhistory - 1 - i) % HISTORY]);
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct scanner_pane *s = pane->data;
	int h = getmaxy(win), w = getmaxx(win), y, hist = 0;

	if (s == NULL || !draw_fits(win, 4, 20, pane->ops->title))
		return;
	y = draw_form(s, win, w, pane->focused);
	draw_progress(s, win, y++, w);
	if (s->nhistory > 0 && h >= 14)
		hist = s->nhistory < 3 ? (int)s->nhistory : 3;
	draw_results(s, win, y, h - (hist > 0 ? hist + 1 : 0), w);
	if (hist > 0)
		draw_history(s, win, h - hist - 1, hist, w);
}

/* Left/Right or Space change the kind of scan and the banners. */
static bool
change_choice(struct scanner_pane *s, int ch)
{
	int step = form_choice_step(ch);

	if (step == 0)
		return false;
	if (s->field == F_BANNERS)
		s->banners = !s->banners;
	else
		s->type = (enum scan_type)form_turn((int)s->type, step, 3);
	return true;
}

static bool
text(struct pane *pane, int ch)
{
	struct scanner_pane *s = pane->data;

	if (s == NULL)
		return false;
	pane->dirty = true;
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		if (s->running)
			stop_scan(s);
		else
			start_scan(s);
		return true;
	case 27:
		stop_scan(s);
		return true;
	case KEY_PPAGE: case KEY_NPAGE:
		s->scroll += ch == KEY_PPAGE ? -10 : 10;
		return true;
	}
	if (form_focus_key(&s->field, F_COUNT, ch))
		return true;
	if (s->field == F_TARGET || s->field == F_PORTS ? form_text_key(
	    s->field == F_TARGET ? &s->target : &s->ports, ch) :
	    change_choice(s, ch))
		return true;
	pane->dirty = false;
	return false;
}

static const char *
busy(struct pane *pane)
{
	struct scanner_pane *s = pane->data;

	return s != NULL && s->running ? "a scan is running" : NULL;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "start a scan of the form's target (or stop the running one)" },
	{ 27, 0, NULL, "stop the running scan" },
	{ KEY_UP, 0, NULL, "the previous field of the form (Down: the next)" },
	{ KEY_LEFT, 0, NULL, "in Type and Banners: change the value (Right, Space too)" },
	{ KEY_PPAGE, 0, NULL, "scroll the results (PgDn: down)" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_scanner = {
	.name = "scanner",
	.title = "Scanner",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.on_event = on_event,
	.busy = busy,
};
