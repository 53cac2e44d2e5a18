/*
 * pane_sockets.c: the Sockets pane. Every socket of the machine with its
 * queues, state and owner, columns as `ss -tanp` shows them, refreshed by
 * the sockets engine once a second: new rows are highlighted, a changed
 * state shows OLD->NEW and closed rows stay dimmed, each for a few
 * seconds; punchline's own sockets are marked. Typed words are a filter
 * (the same as `punchline sockets FILTER`); Left/Right sort; Enter opens
 * the selected socket's details (tcp_info, its state history); C-o shows
 * routes, interfaces and DNS instead; C-p pauses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/core/evlog.h"
#include "../src/core/loop.h"
#include "../src/core/rdns.h"
#include "../src/sockets/dns.h"
#include "../src/sockets/routes.h"
#include "../src/sockets/sock_format.h"
#include "../src/sockets/sockets.h"
#include "draw.h"
#include "edit_keys.h"
#include "line_edit.h"
#include "pane.h"
#include "pane_sockets.h"
#include "theme.h"

#define MARKS		256	/* recent changes remembered */
#define MARK_SECONDS	4.0
#define ROWS_MAX	65536
#define INFO_LINES	200
#define ID_MAX		(2 * SOCK_ADDR_MAX + 32)
#define CTRL(c)		((c) & 0x1f)

enum column { COL_PROTO, COL_RECVQ, COL_SENDQ, COL_LOCAL, COL_PEER, COL_STATE,
	COL_PROG, COL_USER, COL_COUNT };
static const char *const column_names[] = { "Proto", "Recv-Q", "Send-Q",
	"Local", "Peer", "State", "PID/Program", "User" };

enum mark_kind { MARK_NEW, MARK_STATE, MARK_CLOSED };

struct mark {
	char		 key[ID_MAX];
	enum mark_kind	 kind;
	char		 old[16], now[16];
	char		 line[160];	/* a closed row, as it was */
	int		 proto;		/* enum sock_proto, or -1 */
	double		 at;
};

struct sockets_pane {
	struct sockets		*engine;
	char			 why_none[400];
	int			 own_pid;
	struct line_edit	 filter;
	char			 applied[LINE_MAX_BYTES + 1];
	struct sock_filter	 match;
	bool			 filtered;
	unsigned		 hidden;	/* bit per enum sock_proto */
	int			 family;	/* 0 both, 4, 6 */
	bool			 listening, names;
	struct rdns		*rdns;
	char			 status[320];
	int			 sort;		/* enum column */
	bool			 reverse, detail, overview;
	size_t			 selected;
	int			 scroll;
	const struct sock	**rows;
	size_t			 nrows;
	struct mark		 marks[MARKS];
	size_t			 nmarks;	/* total ever added */
	char			*info[INFO_LINES];	/* the overview's lines */
	size_t			 ninfo;
};

static struct {
	struct sockets	*engine;
	struct evlog	*log;
	struct loop	*loop;
	const char	*why_none;
	int		 own_pid;
	bool		 root;
} attached;

void
pane_sockets_attach(struct sockets *engine, struct loop *loop,
    struct evlog *log, const char *why_none, int own_pid, bool root)
{
	attached.engine = engine;
	attached.loop = loop;
	attached.log = log;
	attached.why_none = why_none;
	attached.own_pid = own_pid;
	attached.root = root;
}

static void
init(struct pane *pane)
{
	struct sockets_pane *s = calloc(1, sizeof *s);

	if (s == NULL || (s->rows = calloc(ROWS_MAX, sizeof *s->rows)) == NULL) {
		free(s);
		return;
	}
	pane->data = s;
	s->engine = attached.engine;
	s->own_pid = attached.own_pid;
	s->sort = COL_PROTO;
	line_init(&s->filter);
	snprintf(s->why_none, sizeof s->why_none, "%s",
	    attached.why_none != NULL ? attached.why_none : "");
}

static void
clear_info(struct sockets_pane *s)
{
	size_t i;

	for (i = 0; i < s->ninfo; i++)
		free(s->info[i]);
	s->ninfo = 0;
}

static void
free_pane(struct pane *pane)
{
	struct sockets_pane *s = pane->data;

	if (s == NULL)
		return;
	clear_info(s);
	rdns_free(s->rdns);
	free(s->rows);
	free(s);
	pane->data = NULL;
}

static void
key_of(const char *proto, const char *local, const char *peer, long inode,
    char *out)
{
	if (strcmp(proto, "unix") == 0)
		snprintf(out, ID_MAX, "unix %ld", inode);
	else
		snprintf(out, ID_MAX, "%s %s %s", proto, local, peer);
}

static void
sock_key(const struct sock *sk, char *out)
{
	char local[SOCK_ADDR_MAX], peer[SOCK_ADDR_MAX];

	sock_format_local(sk, local, sizeof local);
	sock_format_peer(sk, peer, sizeof peer);
	key_of(sock_proto_name(sk->proto), local, peer, (long)sk->inode, out);
}

static const struct mark *
mark_find(const struct sockets_pane *s, const char *key, double now)
{
	size_t i, n = s->nmarks < MARKS ? s->nmarks : MARKS;
	const struct mark *m, *found = NULL;

	for (i = 0; i < n; i++) {
		m = &s->marks[i];
		if (now - m->at < MARK_SECONDS && m->kind != MARK_CLOSED &&
		    strcmp(m->key, key) == 0 && (found == NULL || m->at > found->at))
			found = m;
	}
	return found;
}

static const char *
str_or(const struct ev *ev, const char *key)
{
	const char *v = ev_get_str(ev, key);

	return v != NULL ? v : "";
}

static long
int_of(const struct ev *ev, const char *key)
{
	const struct ev_field *f = ev_find(ev, key);

	return f != NULL && f->type == EV_INT ? (long)f->v.i : 0;
}

static void
add_mark(struct sockets_pane *s, const struct ev *ev)
{
	struct mark *m = &s->marks[s->nmarks++ % MARKS];

	memset(m, 0, sizeof *m);
	key_of(str_or(ev, "proto"), str_or(ev, "local"), str_or(ev, "peer"),
	    int_of(ev, "inode"), m->key);
	m->at = clock_mono();
	m->proto = sock_proto_parse(str_or(ev, "proto"));
	if (strcmp(ev->kind, "socket_new") == 0)
		m->kind = MARK_NEW;
	else if (strcmp(ev->kind, "socket_state") == 0) {
		m->kind = MARK_STATE;
		snprintf(m->old, sizeof m->old, "%s", str_or(ev, "old"));
		snprintf(m->now, sizeof m->now, "%s", str_or(ev, "new"));
	} else {
		m->kind = MARK_CLOSED;
		snprintf(m->line, sizeof m->line, "%-5s %-22.22s %-22.22s %s",
		    str_or(ev, "proto"), str_or(ev, "local"), str_or(ev, "peer"),
		    "closed");
	}
}

/* Routes, interfaces and DNS, as the overview shows them. */
static void
add_info(struct sockets_pane *s, const struct ev *ev)
{
	char line[512];

	if (s->ninfo == INFO_LINES)
		return;
	if (strcmp(ev->kind, "route") == 0)
		snprintf(line, sizeof line, "%s%-18s via %-16s dev %-8s table %s",
		    ev_find(ev, "default") != NULL && ev_find(ev, "default")->v.b ?
		    "* route   " : "  route   ", str_or(ev, "dst"),
		    str_or(ev, "gateway")[0] != '\0' ? str_or(ev, "gateway") : "-",
		    str_or(ev, "dev"), str_or(ev, "table"));
	else if (strcmp(ev->kind, "link") == 0)
		snprintf(line, sizeof line, "  link    %-10s %-8s mtu %-6ld %s",
		    str_or(ev, "name"), str_or(ev, "state"), int_of(ev, "mtu"),
		    str_or(ev, "addrs"));
	else
		ev_format_text(ev, line, sizeof line);
	s->info[s->ninfo++] = strdup(line);
}

static void
on_event(struct pane *pane, const struct ev *ev)
{
	struct sockets_pane *s = pane->data;

	if (s == NULL)
		return;
	if (strcmp(ev->engine, SOCKETS_ENGINE) == 0 &&
	    strncmp(ev->kind, "socket_", 7) == 0)
		add_mark(s, ev);
	else if (strcmp(ev->engine, ROUTES_ENGINE) == 0 ||
	    strcmp(ev->engine, DNS_ENGINE) == 0)
		add_info(s, ev);
	else if (strcmp(ev->engine, SOCKETS_ENGINE) == 0 &&
	    strcmp(ev->kind, "notice") == 0)
		snprintf(s->status, sizeof s->status, "%s", str_or(ev, "text"));
	else
		return;
	pane->dirty = true;
}

static struct sockets_pane *sorting;	/* for qsort's comparator */

static long
compare_column(const struct sock *a, const struct sock *b, int col)
{
	char x[SOCK_ADDR_MAX], y[SOCK_ADDR_MAX];

	switch (col) {
	case COL_PROTO:	return (long)a->proto - b->proto;
	case COL_RECVQ:	return (long)a->rqueue - (long)b->rqueue;
	case COL_SENDQ:	return (long)a->wqueue - (long)b->wqueue;
	case COL_STATE:	return strcmp(sock_state_name(a->state),
			    sock_state_name(b->state));
	case COL_PROG:	return (long)a->pid - b->pid;
	case COL_USER:	return (long)a->owner_uid - (long)b->owner_uid;
	case COL_LOCAL:
		sock_format_local(a, x, sizeof x);
		sock_format_local(b, y, sizeof y);
		return strcmp(x, y);
	default:
		sock_format_peer(a, x, sizeof x);
		sock_format_peer(b, y, sizeof y);
		return strcmp(x, y);
	}
}

static int
compare_rows(const void *pa, const void *pb)
{
	const struct sock *a = *(const struct sock *const *)pa;
	const struct sock *b = *(const struct sock *const *)pb;
	long d = compare_column(a, b, sorting->sort);

	if (d == 0)
		d = (long)a->lport - b->lport;
	return (d > 0) - (d < 0);
}

/* The quick toggles, before the typed filter. */
static bool
toggles_allow(const struct sockets_pane *s, const struct sock *sk)
{
	if (s->hidden & 1u << sk->proto)
		return false;
	if (s->family != 0 && (sk->proto == SP_UNIX ||
	    (sk->family == AF_INET6) != (s->family == 6)))
		return false;
	return !s->listening || sk->state == ST_LISTEN;
}

static void
collect_rows(struct sockets_pane *s)
{
	const struct sock_table *t = sockets_snapshot(s->engine);
	size_t i;

	s->nrows = 0;
	for (i = 0; t != NULL && i < t->n && s->nrows < ROWS_MAX; i++)
		if (toggles_allow(s, &t->v[i]) && (!s->filtered ||
		    sock_filter_match(&s->match, &t->v[i],
		    sockets_user(s->engine, &t->v[i]))))
			s->rows[s->nrows++] = &t->v[i];
	sorting = s;
	qsort(s->rows, s->nrows, sizeof *s->rows, compare_rows);
	if (s->reverse)
		for (i = 0; i < s->nrows / 2; i++) {
			const struct sock *tmp = s->rows[i];

			s->rows[i] = s->rows[s->nrows - 1 - i];
			s->rows[s->nrows - 1 - i] = tmp;
		}
	if (s->selected >= s->nrows)
		s->selected = s->nrows > 0 ? s->nrows - 1 : 0;
}

/* Which columns fit: all from 110 columns; then without User, then
 * without the queues. */
static bool
shows(int col, int w)
{
	if (col == COL_USER)
		return w >= 110;
	if (col == COL_RECVQ || col == COL_SENDQ)
		return w >= 90;
	return true;
}

/* addr:port with the host's name and the port's service where known (the
 * name is asked for, off the loop, the first time). */
static void
named_endpoint(struct sockets_pane *s, const struct sock *sk, bool local,
    char *out, size_t len)
{
	struct sockaddr_storage ss = { .ss_family = sk->family };
	const uint8_t *addr = local ? sk->laddr : sk->raddr;
	unsigned port = local ? sk->lport : sk->rport;
	char host[256] = "", num[SOCK_ADDR_MAX], *colon;
	const char *svc = sockets_service(s->engine, sk->proto, port);

	if (local)
		sock_format_local(sk, num, sizeof num);
	else
		sock_format_peer(sk, num, sizeof num);
	if (sk->proto == SP_UNIX || num[0] == '\0' || s->rdns == NULL ||
	    (colon = strrchr(num, ':')) == NULL) {
		snprintf(out, len, "%s", num);
		return;
	}
	if (sk->family == AF_INET6)
		memcpy(&((struct sockaddr_in6 *)&ss)->sin6_addr, addr, 16);
	else
		memcpy(&((struct sockaddr_in *)&ss)->sin_addr, addr, 4);
	*colon = '\0';
	if (!rdns_name(s->rdns, &ss, host, sizeof host) || host[0] == '\0')
		snprintf(host, sizeof host, "%s", num);
	snprintf(out, len, "%s:%s", host, svc[0] != '\0' ? svc : colon + 1);
}

static void
format_row(struct sockets_pane *s, const struct sock *sk, int w,
    const struct mark *m, char *out, size_t len)
{
	char local[SOCK_ADDR_MAX], peer[SOCK_ADDR_MAX], state[40], prog[48];
	char q[32] = "";
	const char *user = sockets_user(s->engine, sk);
	int aw = w >= 110 ? 28 : w >= 90 ? 24 : (w - 40) / 2;

	named_endpoint(s, sk, true, local, sizeof local);
	named_endpoint(s, sk, false, peer, sizeof peer);
	if (m != NULL && m->kind == MARK_STATE)
		snprintf(state, sizeof state, "%s->%s", m->old, m->now);
	else
		snprintf(state, sizeof state, "%s", sock_state_name(sk->state));
	if (sk->pid > 0)
		snprintf(prog, sizeof prog, "%s%d/%s", sk->pid == s->own_pid ?
		    "*" : "", sk->pid, sk->comm);
	else
		snprintf(prog, sizeof prog, "-");
	if (shows(COL_RECVQ, w))
		snprintf(q, sizeof q, "%6u %6u ", sk->rqueue, sk->wqueue);
	if (aw < 8)
		aw = 8;
	snprintf(out, len, "%-5s %s%-*.*s %-*.*s %-18.18s %-20.20s %s",
	    sock_proto_name(sk->proto), q, aw, aw, local, aw, aw, peer, state,
	    prog, shows(COL_USER, w) ? user : "");
}

static void
draw_header(WINDOW *win, int y, int w)
{
	char line[256], q[32] = "";
	int aw = w >= 110 ? 28 : w >= 90 ? 24 : (w - 40) / 2;

	if (shows(COL_RECVQ, w))
		snprintf(q, sizeof q, "%6s %6s ", "Recv-Q", "Send-Q");
	if (aw < 8)
		aw = 8;
	snprintf(line, sizeof line, "%-5s %s%-*s %-*s %-18s %-20s %s", "Proto",
	    q, aw, "Local", aw, "Peer", "State", "PID/Program",
	    shows(COL_USER, w) ? "User" : "");
	draw_text(win, y, 0, w, theme_attr(ROLE_DIM) | A_BOLD, line);
}

static void
draw_table(struct sockets_pane *s, WINDOW *win, int y, int h, int w)
{
	double now = clock_mono();
	char key[ID_MAX], line[512];
	const struct mark *m;
	size_t i, n = s->nmarks < MARKS ? s->nmarks : MARKS;
	int rows = h - y - 1, attr;

	draw_header(win, y++, w);
	if (rows < 1)
		return;
	if ((int)s->selected < s->scroll)
		s->scroll = (int)s->selected;
	if ((int)s->selected >= s->scroll + rows)
		s->scroll = (int)s->selected - rows + 1;
	for (i = (size_t)s->scroll; i < s->nrows && y < h; i++) {
		sock_key(s->rows[i], key);
		m = mark_find(s, key, now);
		format_row(s, s->rows[i], w, m, line, sizeof line);
		attr = theme_attr(m != NULL ? ROLE_TITLE_FOCUS : ROLE_TEXT);
		if (s->rows[i]->pid == s->own_pid)
			attr |= A_BOLD;
		draw_text(win, y++, 0, w, attr | (i == s->selected ? A_REVERSE : 0),
		    line);
	}
	for (i = 0; i < n && y < h; i++)	/* closed, fading */
		if (s->marks[i].kind == MARK_CLOSED &&
		    now - s->marks[i].at < MARK_SECONDS &&
		    (s->marks[i].proto < 0 || !(s->hidden & 1u << s->marks[i].proto)))
			draw_text(win, y++, 0, w, theme_attr(ROLE_DIM),
			    s->marks[i].line);
}

static void
draw_detail(struct sockets_pane *s, WINDOW *win, int y, int h, int w)
{
	const struct sock *sk = s->selected < s->nrows ? s->rows[s->selected] : NULL;
	char key[ID_MAX], line[320];
	size_t i, n = s->nmarks < MARKS ? s->nmarks : MARKS;

	if (sk == NULL) {
		draw_text(win, y, 0, w, theme_attr(ROLE_DIM), "no socket selected");
		return;
	}
	format_row(s, sk, w, NULL, line, sizeof line);
	draw_text(win, y++, 0, w, theme_attr(ROLE_TEXT) | A_BOLD, line);
	snprintf(line, sizeof line, "inode %u  uid %u  owner pid %d (%s)%s",
	    sk->inode, sk->uid, sk->pid, sk->pid > 0 ? sk->comm : "none found",
	    sk->pid == s->own_pid ? "  -- punchline itself" : "");
	draw_text(win, y++, 0, w, theme_attr(ROLE_TEXT), line);
	if (sk->pid > 0) {
		char cmd[256], text[300];

		sockets_cmdline(sk->pid, cmd, sizeof cmd);
		snprintf(text, sizeof text, "command: %s", cmd[0] != '\0' ? cmd :
		    "(cannot be read: gone, or another user's without root)");
		draw_text(win, y++, 0, w, theme_attr(ROLE_TEXT), text);
	}
	if (sk->has_info) {
		snprintf(line, sizeof line, "tcp_info: rtt %.3f ms (var %.3f)  cwnd %u"
		    "  retransmits %u  bytes acked %llu  received %llu",
		    sk->info.rtt_us / 1000.0, sk->info.rttvar_us / 1000.0,
		    sk->info.cwnd, sk->info.retransmits,
		    (unsigned long long)sk->info.bytes_acked,
		    (unsigned long long)sk->info.bytes_received);
		draw_wrapped(win, y, theme_attr(ROLE_TEXT), line);
		y += 2;
	}
	draw_text(win, y++, 0, w, theme_attr(ROLE_DIM) | A_BOLD,
	    "state history (this session):");
	sock_key(sk, key);
	for (i = 0; i < n && y < h; i++)
		if (s->marks[i].kind == MARK_STATE && strcmp(s->marks[i].key, key) == 0) {
			snprintf(line, sizeof line, "  %.1f s ago: %s -> %s",
			    clock_mono() - s->marks[i].at, s->marks[i].old,
			    s->marks[i].now);
			draw_text(win, y++, 0, w, theme_attr(ROLE_TEXT), line);
		}
}

static void
draw_overview(struct sockets_pane *s, WINDOW *win, int y, int h, int w)
{
	size_t i;

	for (i = 0; i < s->ninfo && y < h; i++)
		draw_text(win, y++, 0, w, theme_attr(strncmp(s->info[i], "* route",
		    7) == 0 ? ROLE_TITLE_FOCUS : ROLE_TEXT), s->info[i]);	/* the default route */
}

static void
draw(struct pane *pane, WINDOW *win)
{
	struct sockets_pane *s = pane->data;
	int h = getmaxy(win), w = getmaxx(win);
	char line[LINE_MAX_BYTES + 160];

	if (s == NULL || h < 1 || w < 1)
		return;
	if (s->engine == NULL) {
		draw_wrapped(win, 0, theme_attr(ROLE_WARNING), s->why_none);
		return;
	}
	collect_rows(s);
	snprintf(line, sizeof line, "%zu sockets%s  [%s%s%s%s %s%s%s]  sort %s%s  "
	    "source %s  %s%s", s->nrows, sockets_paused(s->engine) ?
	    "  PAUSED" : "", s->hidden & 1u << SP_TCP ? "" : "tcp ",
	    s->hidden & 1u << SP_UDP ? "" : "udp ",
	    s->hidden & 1u << SP_RAW ? "" : "raw ",
	    s->hidden & 1u << SP_UNIX ? "" : "unix", s->family == 4 ? "v4" :
	    s->family == 6 ? "v6" : "v4+v6", s->listening ? " listening" : "",
	    s->names ? " names" : "", column_names[s->sort],
	    s->reverse ? " (reversed)" : "", sockets_source(s->engine),
	    attached.root ? "" : "not root: other users' processes are not "
	    "shown (sudo punchline) ", s->status);
	draw_text(win, 0, 0, w, theme_attr(ROLE_STATUS), line);
	snprintf(line, sizeof line, "filter> %s", s->filter.buf);
	draw_text(win, h - 1, 0, w, theme_attr(ROLE_TEXT), line);
	if (s->overview)
		draw_overview(s, win, 1, h - 1, w);
	else if (s->detail)
		draw_detail(s, win, 1, h - 1, w);
	else
		draw_table(s, win, 1, h - 1, w);
}

/* The typed words, as `punchline sockets FILTER` takes them. */
static void
apply_filter(struct sockets_pane *s)
{
	char copy[LINE_MAX_BYTES + 1], *words[32], *save = NULL, *wd, err[200];
	struct sock_filter f;
	int n = 0;

	snprintf(copy, sizeof copy, "%s", s->filter.buf);
	for (wd = strtok_r(copy, " ", &save); wd != NULL && n < 32;
	    wd = strtok_r(NULL, " ", &save))
		words[n++] = wd;
	if (sock_filter_parse(&f, n, words, err, sizeof err) != 0) {
		snprintf(s->status, sizeof s->status, "%s", err);
		return;
	}
	s->match = f;
	s->filtered = n > 0;
	snprintf(s->applied, sizeof s->applied, "%s", s->filter.buf);
	s->status[0] = '\0';
}

static void
show_overview(struct sockets_pane *s)
{
	char err[200];

	s->overview = !s->overview;
	if (!s->overview)
		return;
	clear_info(s);		/* the reports' events fill it again */
	if (routes_report(attached.log, err, sizeof err) != 0)
		snprintf(s->status, sizeof s->status, "routes: %s", err);
	dns_report(attached.log);
}

static bool
move_selection(struct sockets_pane *s, int ch)
{
	switch (ch) {
	case KEY_UP:	if (s->selected > 0) s->selected--; return true;
	case KEY_DOWN:	s->selected++; return true;
	case KEY_PPAGE:	s->selected = s->selected > 10 ? s->selected - 10 : 0;
			return true;
	case KEY_NPAGE:	s->selected += 10; return true;
	case KEY_HOME:	s->selected = 0; return true;
	case KEY_END:	s->selected = s->nrows > 0 ? s->nrows - 1 : 0; return true;
	case KEY_LEFT: case KEY_RIGHT:
		s->sort = (s->sort + (ch == KEY_LEFT ? COL_COUNT - 1 : 1)) % COL_COUNT;
		return true;
	}
	return false;
}

static void
names_arrived(void *arg)
{
	((struct pane *)arg)->dirty = true;
}

static bool
text(struct pane *pane, int ch)
{
	struct sockets_pane *s = pane->data;

	if (s == NULL || s->engine == NULL)
		return false;
	pane->dirty = true;
	if (move_selection(s, ch))
		return true;
	switch (ch) {
	case '\n': case '\r': case KEY_ENTER:
		if (strcmp(s->filter.buf, s->applied) != 0)
			apply_filter(s);
		else
			s->detail = !s->detail;
		return true;
	case 27:
		line_init(&s->filter);
		apply_filter(s);
		s->detail = s->overview = false;
		return true;
	case CTRL('p'):
		sockets_pause(s->engine, !sockets_paused(s->engine));
		return true;
	case CTRL('r'):
		s->reverse = !s->reverse;
		return true;
	case CTRL('o'):
		show_overview(s);
		return true;
	case CTRL('t'): s->hidden ^= 1u << SP_TCP; return true;
	case CTRL('u'): s->hidden ^= 1u << SP_UDP; return true;
	case CTRL('w'): s->hidden ^= 1u << SP_RAW; return true;
	case CTRL('x'): s->hidden ^= 1u << SP_UNIX; return true;
	case CTRL('v'): s->family = s->family == 0 ? 4 : s->family == 4 ? 6 : 0;
		return true;
	case CTRL('e'): s->listening = !s->listening; return true;
	case CTRL('n'):
		s->names = !s->names;
		if (s->names && s->rdns == NULL)
			s->rdns = rdns_new(attached.loop, names_arrived, pane);
		if (!s->names) {
			rdns_free(s->rdns);
			s->rdns = NULL;
		}
		return true;
	}
	if (edit_keys(&s->filter, ch, 200, false))
		return true;
	pane->dirty = false;
	return false;
}

static const struct key_binding keys[] = {
	{ '\n', 0, NULL, "apply the typed filter (state:listen port:22 prog:sshd ...); with no change, the selected socket's details and back" },
	{ 27, 0, NULL, "clear the filter, back to the table" },
	{ KEY_UP, 0, NULL, "select the previous socket (Down, PgUp, PgDn, Home, End)" },
	{ KEY_LEFT, 0, NULL, "sort by the previous column (Right: the next)" },
	{ CTRL('r'), 0, NULL, "reverse the sort" },
	{ CTRL('p'), 0, NULL, "pause the refresh, and resume" },
	{ CTRL('o'), 0, NULL, "routes, interfaces and DNS instead of the sockets, and back" },
	{ CTRL('t'), 0, NULL, "show or hide TCP sockets (C-u UDP, C-w RAW, C-x UNIX)" },
	{ CTRL('v'), 0, NULL, "IPv4 and IPv6, IPv4 only, IPv6 only" },
	{ CTRL('e'), 0, NULL, "listening sockets only, and all again" },
	{ CTRL('n'), 0, NULL, "names (reverse DNS, off the loop, and /etc/services) or numbers" },
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_sockets = {
	.name = "sockets",
	.title = "Sockets",
	.keys = keys,
	.init = init,
	.free = free_pane,
	.draw = draw,
	.text = text,
	.on_event = on_event,
};
