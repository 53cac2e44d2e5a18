/* capture_ladder.c: the mesh datagrams as a sequence diagram; see
 * capture_ladder.h. Builds the ladder model from the ring and draws it. */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "../src/capture/ladder_out.h"
#include "capture_ladder.h"
#include "draw.h"
#include "theme.h"

#define TIME_COLS	13	/* "12:00:00.123 " */

static int
center(int i, int ncol, int w)
{
	int colw = (w - TIME_COLS) / (ncol > 0 ? ncol : 1);

	return TIME_COLS + colw * i + colw / 2;
}

/* An arrow from column from to column to; its head is '>' or '<', or
 * end ('x' dropped, '?' lost) drawn on the end column itself. */
static void
draw_arrow(WINDOW *win, int y, int w, int ncol, int from, int to,
    const char *label, int attr, char end)
{
	int x0 = center(from, ncol, w), x1 = center(to, ncol, w), x, lo, hi, lx;

	lo = x0 < x1 ? x0 : x1;
	hi = x0 < x1 ? x1 : x0;
	for (x = lo + 1; x < hi; x++)
		mvwaddch(win, y, x, '-');
	if (end != '\0')
		mvwaddch(win, y, x1, (chtype)end | A_BOLD);
	else
		mvwaddch(win, y, x1 > x0 ? x1 - 1 : x1 + 1, x1 > x0 ? '>' : '<');
	lx = lo + (hi - lo - (int)strlen(label)) / 2;
	if (lx <= lo)
		lx = lo + 1;
	draw_text(win, y, lx, hi - lx - 1, attr, label);
}

/* With roles: "probe 192.168.10.2:12451 as 198.51.100.2:12451", the
 * sender's address before and after its NAT; else the type alone. */
static void
label_of(const struct ladder_arrow *a, bool roles, char *buf, size_t len)
{
	const struct ladder_copy *b = ladder_before(a), *e = ladder_after(a);
	struct strbuf sb;

	sb_init(&sb);
	sb_addc(&sb, ' ');
	ladder_label(&sb, a);
	if (roles) {
		sb_printf(&sb, " %s", b->src);
		if (strcmp(b->src, e->src) != 0)
			sb_printf(&sb, " as %s", e->src);
	}
	sb_addc(&sb, ' ');
	snprintf(buf, len, "%s", sb.buf != NULL ? sb.buf : "");
	sb_free(&sb);
}

static void
draw_header(WINDOW *win, int y, int w, const struct ladder *l, bool roles)
{
	const struct ladder_role *r;
	char head[96];
	int i, x, n = (int)ladder_columns(l), colw = (w - TIME_COLS) / n;

	draw_text(win, y, 0, w, theme_attr(ROLE_DIM) | A_BOLD, "Time");
	for (i = 0; i < n; i++) {
		r = ladder_column(l, i);
		snprintf(head, sizeof head, "%s%s%s", r->name, roles ||
		    r->name[0] == '\0' ? "" : " ", roles ? "" : r->addr[0]);
		x = center(i, n, w) - (int)strlen(head) / 2;
		if (x < TIME_COLS + colw * i)
			x = TIME_COLS + colw * i;
		draw_text(win, y, x, colw - 1, theme_attr(ROLE_TITLE) | A_BOLD,
		    head);
	}
}

/* Still within the grace: copies may yet come, so no verdict drawn. */
static bool
in_flight(const struct ladder_arrow *a, const struct timeval *now)
{
	long long ms = (long long)(now->tv_sec - a->ts.tv_sec) * 1000 +
	    (now->tv_usec - a->ts.tv_usec) / 1000;

	return ms < LADDER_GRACE_MS;
}

static void
draw_row(WINDOW *win, int y, int w, const struct ladder *l,
    const struct ladder_arrow *a, bool roles, const struct timeval *now)
{
	int k, n = (int)ladder_columns(l), to = a->to, attr;
	char label[160], t[32];
	char end = '\0';

	snprintf(t, sizeof t, "%02d:%02d.%03d", (int)(a->ts.tv_sec / 60 % 60),
	    (int)(a->ts.tv_sec % 60), (int)(a->ts.tv_usec / 1000 % 1000));
	draw_text(win, y, 0, TIME_COLS, theme_attr(ROLE_DIM), t);
	for (k = 0; k < n; k++)
		mvwaddch(win, y, center(k, n, w), '|');
	if (!in_flight(a, now) && a->dropped_at >= 0) {
		to = a->dropped_at;
		end = 'x';
	} else if (!in_flight(a, now) && a->lost) {
		to = ladder_place_column(l, ladder_after(a)->where);
		end = '?';
	}
	if (a->from < 0 || to < 0 || a->from == to)
		return;
	label_of(a, roles, label, sizeof label);
	attr = a->type == MESH_CHAT ? theme_attr(ROLE_TITLE_FOCUS) :
	    end != '\0' ? theme_attr(ROLE_WARNING) : theme_attr(ROLE_TEXT);
	draw_arrow(win, y, w, n, a->from, to, label, attr, end);
}

void
capture_ladder_draw(WINDOW *win, int y, int h, int w,
    const struct capture_ring *r, struct dissect *d,
    const struct ladder_roles *roles)
{
	struct ladder *l = ladder_new(roles, h > 1 ? (size_t)(h - 1) : 1);
	const struct capture_pkt *p;
	struct timeval now;
	size_t i, n = capture_ring_count(r), first;
	int row = y + 1;

	if (l == NULL)
		return;
	for (i = 0; i < n; i++) {
		p = capture_ring_get(r, i);
		dissect_packet(p->linktype, p->data, p->caplen, d);
		ladder_add(l, p, d);
	}
	ladder_flush(l, NULL, NULL, NULL);
	if (ladder_columns(l) > 0)	/* the roles' even before a datagram */
		draw_header(win, y, w, l, roles != NULL);
	if (ladder_count(l) == 0 || ladder_columns(l) == 0) {
		draw_text(win, ladder_columns(l) > 0 ? y + 1 : y, 0, w,
		    theme_attr(ROLE_DIM), "No mesh datagrams among the packets "
		    "kept yet: start a chat (punchline chat, or the Chat pane) "
		    "while capturing.");
		ladder_free(l);
		return;
	}
	gettimeofday(&now, NULL);
	/* The newest that fit, oldest of them at the top. */
	n = ladder_count(l);
	first = n > (size_t)(h - 1) ? n - (size_t)(h - 1) : 0;
	for (i = first; i < n && row < y + h; i++)
		draw_row(win, row++, w, l, ladder_get(l, i), roles != NULL, &now);
	ladder_free(l);
}
