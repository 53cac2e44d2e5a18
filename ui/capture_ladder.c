/* capture_ladder.c: the mesh datagrams as a sequence diagram; see
 * capture_ladder.h. Reads the ring and dissects; draws only. */
#include <stdio.h>
#include <string.h>

#include "../src/capture/capture_fmt.h"
#include "capture_ladder.h"
#include "draw.h"
#include "theme.h"

#define TIME_COLS	13	/* "12:00:00.123 " */

struct endpoint {
	char	 addr[48];	/* "127.0.0.1:12345" */
	char	 name[MESH_NAME_MAX + 1];	/* from a hello, or "" */
};

struct ladder {
	struct endpoint	 col[LADDER_COLUMNS];
	int		 ncol;
};

/* The mesh layer of packet p and its two endpoints, or NULL. */
static const struct dissect_layer *
mesh_of(const struct capture_pkt *p, struct dissect *d, char *src,
    char *dst, size_t len)
{
	const struct dissect_layer *m, *ip, *udp;
	struct strbuf a, b;

	dissect_packet(p->linktype, p->data, p->caplen, d);
	if ((m = dissect_find(d, DP_MESH)) == NULL ||
	    (udp = dissect_find(d, DP_UDP)) == NULL)
		return NULL;
	if ((ip = dissect_find(d, DP_IPV4)) == NULL &&
	    (ip = dissect_find(d, DP_IPV6)) == NULL)
		return NULL;
	sb_init(&a);
	sb_init(&b);
	fmt_ip_addr(&a, ip, true);
	fmt_ip_addr(&b, ip, false);
	snprintf(src, len, "%s:%u", a.buf != NULL ? a.buf : "?",
	    udp->u.udp.sport);
	snprintf(dst, len, "%s:%u", b.buf != NULL ? b.buf : "?",
	    udp->u.udp.dport);
	sb_free(&a);
	sb_free(&b);
	return m;
}

/* The column of an endpoint, added if there is room; -1 if not. */
static int
column(struct ladder *l, const char *addr)
{
	int i;

	for (i = 0; i < l->ncol; i++)
		if (strcmp(l->col[i].addr, addr) == 0)
			return i;
	if (l->ncol == LADDER_COLUMNS)
		return -1;
	snprintf(l->col[l->ncol].addr, sizeof l->col[0].addr, "%s", addr);
	l->col[l->ncol].name[0] = '\0';
	return l->ncol++;
}

static int
center(int i, int ncol, int w)
{
	int colw = (w - TIME_COLS) / (ncol > 0 ? ncol : 1);

	return TIME_COLS + colw * i + colw / 2;
}

static void
draw_arrow(WINDOW *win, int y, int w, const struct ladder *l, int from,
    int to, const char *label, int attr)
{
	int x0 = center(from, l->ncol, w), x1 = center(to, l->ncol, w), x, lo,
	    hi, lx;

	lo = x0 < x1 ? x0 : x1;
	hi = x0 < x1 ? x1 : x0;
	for (x = lo + 1; x < hi; x++)
		mvwaddch(win, y, x, '-');
	mvwaddch(win, y, x1 > x0 ? x1 - 1 : x1 + 1, x1 > x0 ? '>' : '<');
	lx = lo + (hi - lo - (int)strlen(label)) / 2;
	if (lx <= lo)
		lx = lo + 1;
	draw_text(win, y, lx, hi - lx - 1, attr, label);
}

static const char *
label_of(const struct dissect_layer *m, char *buf, size_t len)
{
	const struct dissect_mesh *mm = &m->u.mesh;

	snprintf(buf, len, " %s%s%s ", mesh_type_name(mm->hdr.type),
	    mm->hdr.flags & MESH_FLAG_REPLY ? " reply" : "",
	    mm->sealed ? " (sealed)" : "");
	return buf;
}

/* The columns from every mesh datagram kept, oldest first, and the names
 * hellos give them; returns how many datagrams there are. */
static size_t
build(struct ladder *l, const struct capture_ring *r, struct dissect *d)
{
	size_t i, n = capture_ring_count(r), total = 0;
	char src[48], dst[48];
	const struct dissect_layer *m;
	int c;

	for (i = 0; i < n; i++) {
		if ((m = mesh_of(capture_ring_get(r, i), d, src, dst,
		    sizeof src)) == NULL)
			continue;
		total++;
		c = column(l, src);
		column(l, dst);
		if (c >= 0 && m->u.mesh.has_body &&
		    m->u.mesh.hdr.type == MESH_HELLO)
			snprintf(l->col[c].name, sizeof l->col[c].name, "%s",
			    m->u.mesh.body.u.peer.name);
	}
	return total;
}

static void
draw_header(WINDOW *win, int y, int w, const struct ladder *l)
{
	char head[96];
	int i, x, colw = (w - TIME_COLS) / (l->ncol > 0 ? l->ncol : 1);

	draw_text(win, y, 0, w, theme_attr(ROLE_DIM) | A_BOLD, "Time");
	for (i = 0; i < l->ncol; i++) {
		snprintf(head, sizeof head, "%s%s%s", l->col[i].name,
		    l->col[i].name[0] != '\0' ? " " : "", l->col[i].addr);
		x = center(i, l->ncol, w) - (int)strlen(head) / 2;
		if (x < TIME_COLS + colw * i)
			x = TIME_COLS + colw * i;
		draw_text(win, y, x, colw - 1, theme_attr(ROLE_TITLE) | A_BOLD,
		    head);
	}
}

void
capture_ladder_draw(WINDOW *win, int y, int h, int w,
    const struct capture_ring *r, struct dissect *d)
{
	struct ladder l = { .ncol = 0 };
	size_t i, n = capture_ring_count(r), total, skip;
	const struct capture_pkt *p;
	const struct dissect_layer *m;
	char src[48], dst[48], label[64], t[32];
	int row = y + 1, k, from, to;

	total = build(&l, r, d);
	if (l.ncol == 0) {
		draw_text(win, y, 0, w, theme_attr(ROLE_DIM), "No mesh "
		    "datagrams among the packets kept yet: start a chat "
		    "(punchline chat, or the Chat pane) while capturing.");
		return;
	}
	draw_header(win, y, w, &l);
	/* The newest that fit, oldest of them at the top. */
	skip = total > (size_t)(h - 1) ? total - (size_t)(h - 1) : 0;
	for (i = 0; i < n && row < y + h; i++) {
		p = capture_ring_get(r, i);
		if ((m = mesh_of(p, d, src, dst, sizeof src)) == NULL)
			continue;
		if (skip > 0) {
			skip--;
			continue;
		}
		snprintf(t, sizeof t, "%02d:%02d.%03d",
		    (int)(p->ts.tv_sec / 60 % 60), (int)(p->ts.tv_sec % 60),
		    (int)(p->ts.tv_usec / 1000 % 1000));
		draw_text(win, row, 0, TIME_COLS, theme_attr(ROLE_DIM), t);
		for (k = 0; k < l.ncol; k++)
			mvwaddch(win, row, center(k, l.ncol, w), '|');
		from = column(&l, src);
		to = column(&l, dst);
		if (from >= 0 && to >= 0 && from != to)
			draw_arrow(win, row, w, &l, from, to, label_of(m, label,
			    sizeof label), theme_attr(m->u.mesh.hdr.type ==
			    MESH_CHAT ? ROLE_TITLE_FOCUS : ROLE_TEXT));
		row++;
	}
}
