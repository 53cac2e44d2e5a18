/*
 * pane_sockets.c: the Sockets pane: every socket like `ss -tanp`, sorted
 * by any column, filtered with the CLI's filter words, with new rows,
 * OLD->NEW state changes and closing rows marked for a few seconds; Enter
 * opens a socket's detail (tcp_info, command line, its recent history);
 * `r` opens the routes, interfaces and DNS sub-view. It draws from the
 * engine's snapshot and events (sockets_rows.c holds the model) and turns
 * keys into engine commands (pause, interval).
 */
#include <stdio.h>
#include <stdlib.h>
#include <netdb.h>
#include <string.h>
#include <time.h>

#include "../src/sockets/dns.h"
#include "../src/sockets/routes.h"
#include "../src/sockets/sock_names.h"
#include "draw.h"
#include "edit_keys.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_sockets.h"
#include "sockets_net.h"
#include "sockets_rows.h"
#include "theme.h"

enum view { VIEW_TABLE, VIEW_DETAIL, VIEW_NET };

enum sockets_action {
	SA_UP = 1, SA_DOWN, SA_PGUP, SA_PGDN, SA_HOME, SA_END, SA_ENTER,
	SA_BACK, SA_SORT, SA_REVERSE, SA_FILTER, SA_TCP, SA_UDP, SA_RAW,
	SA_UNIX, SA_V4, SA_V6, SA_LISTEN, SA_NUMERIC, SA_PAUSE, SA_FASTER,
	SA_SLOWER, SA_NET,
};

struct sockets_pane {
	struct pane_sockets_ctx	 ctx;
	struct pane		*pane;
	struct rows		 rows;
	struct sockets_net	 net;
	struct line_edit	 input;
	enum view		 view;
	bool			 typing, stale, numeric, net_stale;
	unsigned long		 built_gen, built_serial;	/* of the rows */
	size_t			 sel, top;
	char			 sel_key[ROWS_KEY_MAX];
	char			 filter_text[LINE_MAX_BYTES + 1];
	char			 message[320];
};

static struct pane_sockets_ctx attached;
static struct sockets_pane *current;

void
pane_sockets_attach(const struct pane_sockets_ctx *ctx)
{
	attached = *ctx;
}

/*
 * Called after each refresh (and when names or routes arrive). A refresh
 * that changed nothing the table shows leaves the rows as they are, only
 * pointed at the new snapshot: with 20k idle connections the rebuild
 * (format, filter, sort) was most of the pane's CPU.
 */
void
pane_sockets_changed(void)
{
	struct sockets_pane *p = current;
	struct sockets *s;

	if (p == NULL)
		return;
	p->pane->dirty = true;
	if ((s = p->ctx.sockets) == NULL || p->stale ||
	    sockets_serial(s) == p->built_serial)
		return;
	if (sockets_generation(s) != p->built_gen || p->rows.nmarks > 0 ||
	    sockets_serial(s) != p->built_serial + 1 ||
	    !rows_repoint(&p->rows, s))
		p->stale = true;
	p->built_serial = sockets_serial(s);
}

static double
wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
init(struct pane *pane)
{
	struct sockets_pane *p = calloc(1, sizeof *p);

	if (p == NULL)
		return;
	pane->data = p;
	p->pane = pane;
	p->ctx = attached;
	p->numeric = true;	/* names only when asked: no DNS by default */
	p->stale = true;
	rows_init(&p->rows, p->ctx.own_pid);
	line_init(&p->input);
	current = p;
}

static void
free_pane(struct pane *pane)
{
	struct sockets_pane *p = pane->data;

	if (p == NULL)
		return;
	rows_free(&p->rows);
	if (current == p)
		current = NULL;
	free(p);
	pane->data = NULL;
}

/* Keeps the selection on the same socket across rebuilds. */
static void
rebuild(struct sockets_pane *p)
{
	long i;

	if (p->ctx.sockets == NULL || !p->stale)
		return;
	rows_build(&p->rows, p->ctx.sockets, wall_now());
	p->built_gen = sockets_generation(p->ctx.sockets);
	p->built_serial = sockets_serial(p->ctx.sockets);
	p->stale = false;
	if (p->sel_key[0] != '\0' && (i = rows_find(&p->rows, p->sel_key)) >= 0)
		p->sel = (size_t)i;
	if (p->sel >= p->rows.n)
		p->sel = p->rows.n > 0 ? p->rows.n - 1 : 0;
	if (p->rows.n > 0)
		snprintf(p->sel_key, sizeof p->sel_key, "%s",
		    p->rows.v[p->sel].key);
}

/* ---- the table ---- */

struct column {
	int	 col, width;
	bool	 right;
};

/* Columns dropped first when the pane is narrow: Local and State stay. */
static const int drop_order[] = { COL_USER, COL_SENDQ, COL_RECVQ, COL_PROTO,
	COL_PROC, COL_PEER };
static const int base_width[COL_COUNT] = {
	[COL_PROTO] = 5, [COL_RECVQ] = 6, [COL_SENDQ] = 6, [COL_LOCAL] = 17,
	[COL_PEER] = 17, [COL_STATE] = 12, [COL_PROC] = 16, [COL_USER] = 8,
};
#define STATE_WIDE	22	/* "FIN-WAIT-1->FIN-WAIT-2" */

/* The columns that fit w, Local and Peer sharing what is left. */
static int
fit_columns(int w, struct column *out)
{
	bool shown[COL_COUNT];
	int i, n = 0, used = 0, spare, wide, state_extra;
	size_t d = 0;

	for (i = 0; i < COL_COUNT; i++)
		shown[i] = true;
	for (;;) {
		used = 1;	/* the mark column */
		for (i = 0; i < COL_COUNT; i++)
			used += shown[i] ? base_width[i] + 1 : 0;
		if (used <= w || d == sizeof drop_order / sizeof drop_order[0])
			break;
		shown[drop_order[d++]] = false;
	}
	spare = w > used ? w - used : 0;
	state_extra = spare < STATE_WIDE - base_width[COL_STATE] ? spare :
	    STATE_WIDE - base_width[COL_STATE];
	spare -= state_extra;
	wide = shown[COL_PEER] ? 2 : 1;
	for (i = 0; i < COL_COUNT; i++) {
		if (!shown[i])
			continue;
		out[n].col = i;
		out[n].width = base_width[i];
		if (i == COL_LOCAL || i == COL_PEER)
			out[n].width += spare / wide;
		if (i == COL_STATE)
			out[n].width += state_extra;
		out[n].right = i == COL_RECVQ || i == COL_SENDQ;
		n++;
	}
	return n;
}

/* host:service when names are asked for, else the numbers. */
static void
endpoint_text(struct sockets_pane *p, const struct row *r, bool local,
    char *buf, size_t len)
{
	const struct sock *sk = r->sk;
	const uint8_t *addr;
	const char *host, *serv;
	uint16_t port;
	char num[SOCK_ADDR_MAX], hostbuf[NI_MAXHOST], *colon;

	snprintf(buf, len, "%s", local ? r->local : r->peer);
	if (p->numeric || sk == NULL || sk->proto == SP_UNIX ||
	    p->ctx.names == NULL || buf[0] == '\0')
		return;
	addr = local ? sk->laddr : sk->raddr;
	port = local ? sk->lport : sk->rport;
	snprintf(num, sizeof num, "%s", buf);
	if ((colon = strrchr(num, ':')) == NULL)
		return;
	*colon = '\0';
	/* Wildcards keep their look, and are not asked about. */
	host = strchr(num, '*') != NULL || strcmp(num, "0.0.0.0") == 0 ||
	    strcmp(num, "[::]") == 0 ? NULL :
	    sock_names_host(p->ctx.names, sk->family, addr);
	if (host != NULL)	/* kept: the next lookup may reuse its slot */
		snprintf(hostbuf, sizeof hostbuf, "%s", host);
	serv = sk->proto == SP_RAW ? NULL : sock_names_service(p->ctx.names,
	    port, sk->proto == SP_TCP ? "tcp" : "udp");
	if (snprintf(buf, len, "%s:%s", host != NULL ? hostbuf : num,
	    serv != NULL ? serv : colon + 1) >= (int)len)
		return;		/* a long name, cut at the column */
}

static void
cell_text(struct sockets_pane *p, const struct row *r, int col, char *buf,
    size_t len)
{
	switch (col) {
	case COL_PROTO:	snprintf(buf, len, "%s", r->proto); break;
	case COL_RECVQ:	snprintf(buf, len, "%u", r->rq); break;
	case COL_SENDQ:	snprintf(buf, len, "%u", r->wq); break;
	case COL_LOCAL:	endpoint_text(p, r, true, buf, len); break;
	case COL_PEER:	endpoint_text(p, r, false, buf, len); break;
	case COL_STATE:	snprintf(buf, len, "%s", r->state); break;
	case COL_PROC:
		if (r->pid != 0)
			snprintf(buf, len, "%d/%s", r->pid, r->program);
		else
			snprintf(buf, len, "-");
		break;
	case COL_USER:	snprintf(buf, len, "%s", r->user); break;
	default:	buf[0] = '\0';
	}
}

/* One line of cells, each cut or padded to its column. */
static void
draw_cells(WINDOW *win, int y, int attr, const struct column *c, int n,
    char cells[][SOCK_ADDR_MAX + 16], char lead)
{
	char line[1024];
	size_t off = 0;
	int i, k, pad;

	line[off++] = lead;
	for (i = 0; i < n && off < sizeof line - 1; i++) {
		int len = (int)strlen(cells[i]), w = c[i].width;

		if (len > w)
			len = w;
		pad = w - len;
		for (k = 0; c[i].right && k < pad && off < sizeof line - 1; k++)
			line[off++] = ' ';
		for (k = 0; k < len && off < sizeof line - 1; k++)
			line[off++] = cells[i][k];
		for (k = 0; !c[i].right && k < pad && off < sizeof line - 1; k++)
			line[off++] = ' ';
		if (off < sizeof line - 1)
			line[off++] = ' ';
	}
	line[off] = '\0';
	draw_text(win, y, 0, getmaxx(win), attr, line);
}

static void
draw_header(struct sockets_pane *p, WINDOW *win, int y, const struct column *c,
    int n)
{
	char cells[COL_COUNT][SOCK_ADDR_MAX + 16];
	int i;

	for (i = 0; i < n; i++)
		snprintf(cells[i], sizeof cells[i], "%s%s", rows_col_name(c[i].col),
		    c[i].col == p->rows.sort_col ? (p->rows.sort_reverse ? "v" :
		    "^") : "");
	draw_cells(win, y, theme_attr(ROLE_TITLE), c, n, cells, ' ');
}

static int
row_attr(const struct row *r, bool selected)
{
	int attr = theme_attr(ROLE_TEXT);

	if (r->mark == MARK_NEW)
		attr = theme_attr(ROLE_TITLE);
	else if (r->mark == MARK_STATE)
		attr = theme_attr(ROLE_WARNING);
	else if (r->mark == MARK_CLOSED)
		attr = theme_attr(ROLE_DIM);
	return selected ? attr | (int)A_REVERSE : attr;
}

/* '+' new, '>' changed, '-' closing; '*' our own socket otherwise. */
static char
lead_of(const struct row *r)
{
	static const char marks[] = { ' ', '+', '>', '-' };

	if (r->mark != MARK_NONE)
		return marks[r->mark];
	return r->own ? '*' : ' ';
}

static void
scroll_to_sel(struct sockets_pane *p, int rows_h)
{
	if (rows_h < 1)
		rows_h = 1;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)rows_h)
		p->top = p->sel - (size_t)rows_h + 1;
}

static void
draw_rows(struct sockets_pane *p, WINDOW *win, int y, int bottom)
{
	struct column c[COL_COUNT];
	char cells[COL_COUNT][SOCK_ADDR_MAX + 16];
	int n = fit_columns(getmaxx(win), c), i;
	size_t r;

	draw_header(p, win, y++, c, n);
	scroll_to_sel(p, bottom - y);
	for (r = p->top; r < p->rows.n && y < bottom; r++, y++) {
		for (i = 0; i < n; i++)
			cell_text(p, &p->rows.v[r], c[i].col, cells[i],
			    sizeof cells[i]);
		draw_cells(win, y, row_attr(&p->rows.v[r], r == p->sel), c, n,
		    cells, lead_of(&p->rows.v[r]));
	}
	if (p->rows.n == 0 && y < bottom)
		draw_text(win, y, 1, getmaxx(win) - 1, theme_attr(ROLE_DIM),
		    "no socket matches the filter and toggles");
}

static void
toggles_text(const struct sockets_pane *p, char *buf, size_t len)
{
	const struct toggles *t = &p->rows.toggles;

	snprintf(buf, len, "%s%s%s%s %s%s%s%s", t->proto[SP_TCP] ? "t" : "-",
	    t->proto[SP_UDP] ? "u" : "-", t->proto[SP_RAW] ? "w" : "-",
	    t->proto[SP_UNIX] ? "x" : "-", t->v4 ? "4" : "-", t->v6 ? "6" : "-",
	    t->listening_only ? " listening" : "", p->numeric ? "" : " names");
}

/* "12/340 sockets +2 closed  sort State^  tuwx 46  1.0s  filter: ...":
 * the shown of the snapshot's, then the closed rows still fading out. */
static int
draw_status(struct sockets_pane *p, WINDOW *win, int y)
{
	char line[LINE_MAX_BYTES + 256], tog[64], closed[32] = "";

	toggles_text(p, tog, sizeof tog);
	if (p->rows.closed > 0)
		snprintf(closed, sizeof closed, " +%zu closed", p->rows.closed);
	snprintf(line, sizeof line, "%zu/%zu sockets%s  sort %s%s  %s  %.1fs%s%s%s",
	    p->rows.n - p->rows.closed, p->rows.total, closed,
	    rows_col_name(p->rows.sort_col),
	    p->rows.sort_reverse ? "v" : "^", tog,
	    sockets_interval(p->ctx.sockets),
	    sockets_paused(p->ctx.sockets) ? " PAUSED" : "",
	    p->filter_text[0] ? "  filter: " : "", p->filter_text);
	draw_text(win, y++, 0, getmaxx(win), theme_attr(ROLE_DIM), line);
	return y;
}

/* Without root, other users' processes cannot be mapped: say so. */
static int
draw_privilege_note(struct sockets_pane *p, WINDOW *win, int y)
{
	size_t ownerless = sockets_ownerless(p->ctx.sockets);
	char line[256];

	if (p->ctx.root || ownerless == 0)
		return y;
	snprintf(line, sizeof line, "%zu sockets show no process: mapping "
	    "other users' sockets to processes needs root (sudo punchline)",
	    ownerless);
	draw_text(win, y++, 0, getmaxx(win), theme_attr(ROLE_WARNING), line);
	return y;
}

static void
draw_bottom_line(struct sockets_pane *p, WINDOW *win, int h)
{
	char line[LINE_MAX_BYTES + 16];

	if (p->typing)
		snprintf(line, sizeof line, "filter> %s", p->input.buf);
	else
		snprintf(line, sizeof line, "%s", p->message);
	draw_text(win, h - 1, 0, getmaxx(win), theme_attr(p->typing ?
	    ROLE_TEXT : ROLE_WARNING), line);
}

static void
draw_table(struct sockets_pane *p, WINDOW *win, int h)
{
	int y = 0, bottom = h;

	if (h >= 4)
		y = draw_status(p, win, y);
	if (h >= 8)
		y = draw_privilege_note(p, win, y);
	if (p->typing || p->message[0] != '\0') {
		draw_bottom_line(p, win, h);
		bottom = h - 1;
	}
	draw_rows(p, win, y, bottom);
}

/* ---- the detail view ---- */

static int
detail_line(WINDOW *win, int y, int attr, const char *fmt, const char *a,
    const char *b)
{
	char line[1200];

	snprintf(line, sizeof line, fmt, a, b);
	draw_text(win, y, 0, getmaxx(win), attr, line);
	return y + 1;
}

static int
draw_tcp_info(struct sockets_pane *p, WINDOW *win, int y,
    const struct sock *sk)
{
	struct diag_tcpinfo info;
	const struct diag_tcpinfo *i = &info;
	char line[256];

	/* Asked for this socket only, as it is drawn (not in every dump). */
	if (sockets_tcp_info(p->ctx.sockets, sk, &info) != 0) {
		draw_text(win, y, 0, getmaxx(win), theme_attr(ROLE_DIM),
		    "tcp_info: none (not TCP, a listener's or TIME-WAIT, or "
		    "read from /proc)");
		return y + 1;
	}
	snprintf(line, sizeof line, "tcp_info: rtt %.3f ms (var %.3f)  cwnd %u  "
	    "retransmits %u", i->rtt_us / 1000.0, i->rttvar_us / 1000.0,
	    (unsigned)i->cwnd, (unsigned)i->retransmits);
	draw_text(win, y++, 0, getmaxx(win), theme_attr(ROLE_TEXT), line);
	if (i->has_bytes) {
		snprintf(line, sizeof line, "          bytes acked %llu  bytes "
		    "received %llu", (unsigned long long)i->bytes_acked,
		    (unsigned long long)i->bytes_received);
		draw_text(win, y++, 0, getmaxx(win), theme_attr(ROLE_TEXT), line);
	}
	return y;
}

static int
draw_history(struct sockets_pane *p, WINDOW *win, int y, int h,
    const char *key)
{
	size_t n = p->rows.nhist < ROWS_HISTORY ? p->rows.nhist : ROWS_HISTORY;
	size_t i;
	char when[16], line[128];

	y = detail_line(win, y, theme_attr(ROLE_TITLE), "%s%s", "recent history",
	    " (this run):");
	for (i = 0; i < n && y < h; i++) {
		const struct row_hist *e = &p->rows.hist[(p->rows.nhist - n + i) %
		    ROWS_HISTORY];
		time_t t = (time_t)e->when;

		if (strcmp(e->key, key) != 0)
			continue;
		strftime(when, sizeof when, "%H:%M:%S", localtime(&t));
		snprintf(line, sizeof line, "  %s  %s", when, e->what);
		draw_text(win, y++, 0, getmaxx(win), theme_attr(ROLE_TEXT), line);
	}
	return y;
}

static void
draw_detail(struct sockets_pane *p, WINDOW *win, int h)
{
	const struct row *r;
	char cmd[512], num[64];
	int y = 0;

	if (p->rows.n == 0) {
		draw_text(win, 0, 0, getmaxx(win), theme_attr(ROLE_DIM),
		    "no socket selected (Esc: back)");
		return;
	}
	r = &p->rows.v[p->sel];
	y = detail_line(win, y, theme_attr(ROLE_TITLE), "%s socket %s  (Esc: "
	    "back)", r->proto, r->mark == MARK_CLOSED ? "(closed)" : "");
	y = detail_line(win, y, theme_attr(ROLE_TEXT), "local %s  peer %s",
	    r->local, r->peer[0] ? r->peer : "-");
	snprintf(num, sizeof num, "%u", r->inode);
	y = detail_line(win, y, theme_attr(ROLE_TEXT), "state %s  inode %s",
	    r->state, num);
	snprintf(num, sizeof num, "%d", r->pid);
	y = detail_line(win, y, theme_attr(ROLE_TEXT), "pid %s  program %s",
	    r->pid ? num : "-", r->program[0] ? r->program : "-");
	sockets_cmdline(r->pid, cmd, sizeof cmd);
	y = detail_line(win, y, theme_attr(ROLE_TEXT), "command %s%s",
	    cmd[0] ? cmd : r->pid ? "(gone, or needs root to read)" :
	    "(no owning process)", "");
	y = detail_line(win, y, theme_attr(ROLE_TEXT), "user %s%s",
	    r->user[0] ? r->user : "-", r->own ? "  (punchline itself)" : "");
	if (r->sk != NULL && r->sk->proto == SP_TCP)
		y = draw_tcp_info(p, win, y, r->sk);
	draw_history(p, win, y, h, r->key);
}

/* ---- keys ---- */

static void
move_sel(struct sockets_pane *p, long by)
{
	long n = (long)p->rows.n, s = (long)p->sel + by;

	if (n == 0)
		return;
	if (s < 0)
		s = 0;
	if (s >= n)
		s = n - 1;
	p->sel = (size_t)s;
	snprintf(p->sel_key, sizeof p->sel_key, "%s", p->rows.v[p->sel].key);
}

static void
open_net(struct sockets_pane *p)
{
	char err[200];

	p->view = VIEW_NET;
	p->net_stale = false;
	sockets_net_clear(&p->net);
	if (p->ctx.log == NULL)
		return;
	if (routes_report(p->ctx.log, err, sizeof err) != 0)
		sockets_net_error(&p->net, err);
	dns_report(p->ctx.log);
}

static void
toggle(struct sockets_pane *p, bool *flag)
{
	*flag = !*flag;
	p->stale = true;
}

static void
change_interval(struct sockets_pane *p, double factor)
{
	double s = sockets_interval(p->ctx.sockets) * factor;

	sockets_set_interval(p->ctx.sockets, s);
	snprintf(p->message, sizeof p->message, "refresh every %.1f s",
	    sockets_interval(p->ctx.sockets));
}

static bool
view_action(struct sockets_pane *p, int action)
{
	switch (action) {
	case SA_ENTER:
		p->view = p->view == VIEW_TABLE ? VIEW_DETAIL : VIEW_TABLE;
		return true;
	case SA_BACK:
		p->view = VIEW_TABLE;
		p->message[0] = '\0';
		return true;
	case SA_NET:
		if (p->view == VIEW_NET)
			p->view = VIEW_TABLE;
		else
			open_net(p);
		return true;
	}
	return false;
}

static bool
move_action(struct sockets_pane *p, int action, int page)
{
	switch (action) {
	case SA_UP:	move_sel(p, -1); return true;
	case SA_DOWN:	move_sel(p, 1); return true;
	case SA_PGUP:	move_sel(p, -page); return true;
	case SA_PGDN:	move_sel(p, page); return true;
	case SA_HOME:	move_sel(p, -(long)p->rows.n); return true;
	case SA_END:	move_sel(p, (long)p->rows.n); return true;
	}
	return false;
}

static bool
table_action(struct sockets_pane *p, int action)
{
	struct toggles *t = &p->rows.toggles;

	switch (action) {
	case SA_SORT:
		p->rows.sort_col = (p->rows.sort_col + 1) % COL_COUNT;
		break;
	case SA_REVERSE:	p->rows.sort_reverse = !p->rows.sort_reverse; break;
	case SA_FILTER:		p->typing = true; break;
	case SA_TCP:		toggle(p, &t->proto[SP_TCP]); break;
	case SA_UDP:		toggle(p, &t->proto[SP_UDP]); break;
	case SA_RAW:		toggle(p, &t->proto[SP_RAW]); break;
	case SA_UNIX:		toggle(p, &t->proto[SP_UNIX]); break;
	case SA_V4:		toggle(p, &t->v4); break;
	case SA_V6:		toggle(p, &t->v6); break;
	case SA_LISTEN:		toggle(p, &t->listening_only); break;
	case SA_NUMERIC:	p->numeric = !p->numeric; break;
	case SA_PAUSE:
		sockets_pause(p->ctx.sockets, !sockets_paused(p->ctx.sockets));
		break;
	case SA_FASTER:		change_interval(p, 0.5); break;
	case SA_SLOWER:		change_interval(p, 2.0); break;
	default:
		return false;
	}
	p->stale = true;	/* sort and toggles rebuild the rows */
	return true;
}

static bool
action(struct pane *pane, int act)
{
	struct sockets_pane *p = pane->data;
	bool used;

	if (p == NULL || p->ctx.sockets == NULL)
		return false;
	used = view_action(p, act) || move_action(p, act, pane->h > 4 ?
	    pane->h - 3 : 1) || table_action(p, act);
	if (used)
		pane->dirty = true;
	return used;
}

/* The filter line: the same words as `punchline sockets FILTER`. */
static void
apply_filter(struct sockets_pane *p)
{
	char text[LINE_MAX_BYTES + 1], copy[LINE_MAX_BYTES + 1], err[256];
	char *words[64], *w, *save = NULL;
	struct sock_filter f;
	int n = 0;

	line_take(&p->input, text, sizeof text);
	snprintf(copy, sizeof copy, "%s", text);
	for (w = strtok_r(copy, " \t", &save); w != NULL && n < 64;
	    w = strtok_r(NULL, " \t", &save))
		words[n++] = w;
	if (sock_filter_parse(&f, n, words, err, sizeof err) != 0) {
		snprintf(p->message, sizeof p->message, "filter: %s", err);
		return;
	}
	p->rows.filter = f;
	snprintf(p->filter_text, sizeof p->filter_text, "%s", text);
	p->message[0] = '\0';
	p->stale = true;
}

static bool
filter_key(struct sockets_pane *p, int ch)
{
	if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		p->typing = false;
		apply_filter(p);
		return true;
	}
	if (ch == 27) {
		p->typing = false;
		return true;
	}
	return edit_keys_history(&p->input, ch, LINE_MAX_BYTES, false);
}

/* Typed keys: the filter line while it is open; Enter (a carriage return
 * with nonl) opens the detail view. */
static bool
text(struct pane *pane, int ch)
{
	struct sockets_pane *p = pane->data;

	if (p == NULL || p->ctx.sockets == NULL)
		return false;
	if (p->typing) {
		pane->dirty = true;
		return filter_key(p, ch) || true;	/* nothing leaks out */
	}
	if (ch == '\r' || ch == KEY_ENTER)
		return action(pane, SA_ENTER);
	return false;
}

/* route_added, addr_deleted, link_changed ...: the routes engine's
 * changes (routes_watch), as opposed to its report. */
static bool
is_change(const char *kind)
{
	return strstr(kind, "_added") != NULL ||
	    strstr(kind, "_deleted") != NULL || strstr(kind, "_changed") != NULL;
}

/* The last change, on the pane's message line: "route added: ...". */
static void
say_change(struct sockets_pane *p, const struct ev *ev)
{
	const char *what = ev_get_str(ev, "dst");

	if (what == NULL)
		what = ev_get_str(ev, "addr");
	if (what == NULL)
		what = ev_get_str(ev, "name");
	snprintf(p->message, sizeof p->message, "%s %s %s%s (r: routes)",
	    ev->kind, what != NULL ? what : "",
	    ev_get_str(ev, "dev") != NULL ? "dev " : "",
	    ev_get_str(ev, "dev") != NULL ? ev_get_str(ev, "dev") : "");
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct sockets_pane *p = pane->data;

	if (p == NULL)
		return;
	if (strcmp(ev->engine, SOCKETS_ENGINE) == 0) {
		rows_on_event(&p->rows, ev);
		p->stale = true;
		pane->dirty = true;
	} else if (strcmp(ev->engine, ROUTES_ENGINE) == 0 &&
	    is_change(ev->kind)) {
		say_change(p, ev);
		p->net_stale = true;	/* the sub-view asks again when drawn */
		pane->dirty = true;
	} else if (strcmp(ev->engine, ROUTES_ENGINE) == 0 ||
	    strcmp(ev->engine, DNS_ENGINE) == 0) {
		sockets_net_on_event(&p->net, ev);
		pane->dirty = p->view == VIEW_NET || pane->dirty;
	}
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct sockets_pane *p = pane->data;
	int h = getmaxy(win);

	if (p == NULL || h < 1)
		return;
	if (p->ctx.sockets == NULL) {
		draw_wrapped(win, 0, theme_attr(ROLE_WARNING),
		    p->ctx.why_none != NULL ? p->ctx.why_none :
		    "the sockets engine is not running");
		return;
	}
	rebuild(p);
	if (p->view == VIEW_DETAIL)
		draw_detail(p, win, h);
	else if (p->view == VIEW_NET) {
		if (p->net_stale)
			open_net(p);
		sockets_net_draw(&p->net, win);
		if (p->message[0] != '\0')	/* the last change, over the end */
			draw_bottom_line(p, win, h);
	}
	else
		draw_table(p, win, h);
}

static const struct key_binding keys[] = {
	{ KEY_UP,	SA_UP,		NULL,	"select the socket above" },
	{ KEY_DOWN,	SA_DOWN,	NULL,	"select the socket below" },
	{ KEY_PPAGE,	SA_PGUP,	NULL,	"a page up" },
	{ KEY_NPAGE,	SA_PGDN,	NULL,	"a page down" },
	{ KEY_HOME,	SA_HOME,	NULL,	"the first socket" },
	{ KEY_END,	SA_END,		NULL,	"the last socket" },
	{ '\n',		SA_ENTER,	NULL,	"the selected socket's detail: tcp_info, command line, history (again: back)" },
	{ 27,		SA_BACK,	NULL,	"back to the table" },
	{ 's',		SA_SORT,	NULL,	"sort by the next column" },
	{ 'S',		SA_REVERSE,	NULL,	"reverse the sort" },
	{ '/',		SA_FILTER,	NULL,	"type a filter (state:listen port:22 prog:sshd user:NAME proto:tcp); empty clears" },
	{ 't',		SA_TCP,		NULL,	"show or hide TCP sockets" },
	{ 'u',		SA_UDP,		NULL,	"show or hide UDP sockets" },
	{ 'w',		SA_RAW,		NULL,	"show or hide RAW sockets" },
	{ 'x',		SA_UNIX,	NULL,	"show or hide UNIX sockets" },
	{ '4',		SA_V4,		NULL,	"show or hide IPv4 sockets" },
	{ '6',		SA_V6,		NULL,	"show or hide IPv6 sockets" },
	{ 'L',		SA_LISTEN,	NULL,	"listening sockets only, or all" },
	{ 'n',		SA_NUMERIC,	NULL,	"numbers, or host and service names (reverse DNS, asynchronous)" },
	{ 'p',		SA_PAUSE,	NULL,	"pause or resume the refresh" },
	{ '+',		SA_FASTER,	NULL,	"refresh twice as often" },
	{ '-',		SA_SLOWER,	NULL,	"refresh half as often" },
	{ 'r',		SA_NET,		NULL,	"routes, interfaces and DNS (again: back)" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_sockets = {
	.name = "sockets",
	.title = "Sockets",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.action = action,
	.text = text,
	.on_event = on_event,
};
