/*
 * sockets_rows.c: the Sockets pane's rows, marks, sort and history (see
 * sockets_rows.h). Marks come from the engine's events, so the pane shows
 * exactly the changes a JSON consumer of the same run sees.
 */
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ev_read.h"
#include "sockets_rows.h"

static const char *const col_names[COL_COUNT] = {
	"Proto", "Recv-Q", "Send-Q", "Local", "Peer", "State", "PID/Program",
	"User",
};

const char *
rows_col_name(int col)
{
	return col >= 0 && col < COL_COUNT ? col_names[col] : "?";
}

void
rows_init(struct rows *r, int own_pid)
{
	int i;

	memset(r, 0, sizeof *r);
	r->own_pid = own_pid;
	r->sort_col = COL_PROTO;
	for (i = 0; i < SP_NPROTO; i++)
		r->toggles.proto[i] = true;
	r->toggles.v4 = r->toggles.v6 = true;
}

void
rows_free(struct rows *r)
{
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

/*
 * The identity the engine diffs on (sock_table.h), spelled from the
 * event's strings: UNIX sockets by inode, TCP connections by their
 * endpoints (the inode drops to 0 in TIME-WAIT), listeners, UDP and RAW
 * by endpoints and inode.
 */
void
rows_key(char *buf, size_t len, const char *proto, const char *local,
    const char *peer, uint32_t inode, const char *state)
{
	if (strcmp(proto, "unix") == 0)
		snprintf(buf, len, "unix %u", inode);
	else if (strcmp(proto, "tcp") == 0 && strcmp(state, "LISTEN") != 0)
		snprintf(buf, len, "tcp %s %s", local, peer);
	else
		snprintf(buf, len, "%s %s %s %u", proto, local, peer, inode);
}

/* snprintf(dst, len, "%s", src) without printf: rows are built for every
 * socket at every refresh, and printf's machinery showed in perf. */
static void
copy_str(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);

	if (len == 0)
		return;
	if (n >= len)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static uint32_t
hash_key(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void
add_history(struct rows *r, const char *key, double when, const char *what)
{
	struct row_hist *h = &r->hist[r->nhist++ % ROWS_HISTORY];

	snprintf(h->key, sizeof h->key, "%s", key);
	h->when = when;
	snprintf(h->what, sizeof h->what, "%s", what);
}

/* A new mark for key, replacing an older one for the same socket. */
static struct row_mark_rec *
mark_slot(struct rows *r, const char *key)
{
	uint32_t h = hash_key(key);
	size_t i, oldest = 0;

	for (i = 0; i < r->nmarks; i++)
		if (r->marks[i].hash == h && strcmp(r->marks[i].key, key) == 0)
			return &r->marks[i];
	if (r->nmarks < ROWS_MARKS)
		i = r->nmarks++;
	else {		/* full: the oldest goes */
		for (i = 1; i < r->nmarks; i++)
			if (r->marks[i].when < r->marks[oldest].when)
				oldest = i;
		i = oldest;
	}
	memset(&r->marks[i], 0, sizeof r->marks[i]);
	snprintf(r->marks[i].key, sizeof r->marks[i].key, "%s", key);
	r->marks[i].hash = h;
	return &r->marks[i];
}

static void
fill_ghost(struct row *g, const struct ev *ev, const char *key)
{
	memset(g, 0, sizeof *g);
	snprintf(g->proto, sizeof g->proto, "%s", ev_read_str(ev, "proto"));
	snprintf(g->local, sizeof g->local, "%s", ev_read_str(ev, "local"));
	snprintf(g->peer, sizeof g->peer, "%s", ev_read_str(ev, "peer"));
	snprintf(g->state, sizeof g->state, "%s", ev_read_str(ev, "state"));
	snprintf(g->program, sizeof g->program, "%s",
	    ev_read_str(ev, "program"));
	snprintf(g->user, sizeof g->user, "%s", ev_read_str(ev, "user"));
	snprintf(g->key, sizeof g->key, "%s", key);
	g->pid = (int)ev_read_int(ev, "pid");
	g->inode = (uint32_t)ev_read_int(ev, "inode");
	g->mark = MARK_CLOSED;
}

void
rows_on_event(struct rows *r, const struct ev *ev)
{
	char key[ROWS_KEY_MAX], what[48];
	struct row_mark_rec *m;

	if (strcmp(ev->engine, SOCKETS_ENGINE) != 0 ||
	    strncmp(ev->kind, "socket_", 7) != 0)
		return;
	rows_key(key, sizeof key, ev_read_str(ev, "proto"),
	    ev_read_str(ev, "local"), ev_read_str(ev, "peer"),
	    (uint32_t)ev_read_int(ev, "inode"), ev_read_str(ev, "state"));
	m = mark_slot(r, key);
	m->when = ev->ts;
	if (strcmp(ev->kind, "socket_new") == 0) {
		m->kind = MARK_NEW;
		snprintf(what, sizeof what, "new %s", ev_read_str(ev, "state"));
	} else if (strcmp(ev->kind, "socket_state") == 0) {
		m->kind = MARK_STATE;
		snprintf(m->old, sizeof m->old, "%s", ev_read_str(ev, "old"));
		snprintf(m->new, sizeof m->new, "%s", ev_read_str(ev, "new"));
		snprintf(what, sizeof what, "%s->%s", m->old, m->new);
	} else {
		m->kind = MARK_CLOSED;
		fill_ghost(&m->ghost, ev, key);
		snprintf(what, sizeof what, "closed (was %s)",
		    ev_read_str(ev, "state"));
	}
	add_history(r, key, ev->ts, what);
}

static bool
passes_toggles(const struct toggles *t, const struct sock *sk)
{
	if (!t->proto[sk->proto])
		return false;
	if (sk->family == AF_INET && !t->v4)
		return false;
	if (sk->family == AF_INET6 && !t->v6)
		return false;
	/* listening: TCP LISTEN, and bound unconnected UDP/RAW/UNIX */
	if (t->listening_only && sk->state != ST_LISTEN &&
	    !(sk->proto != SP_TCP && sk->state == ST_CLOSE))
		return false;
	return true;
}

static struct row *
row_add(struct rows *r)
{
	struct row *nv;
	size_t cap;

	if (r->n == r->cap) {
		cap = r->cap ? r->cap * 2 : 256;
		if ((nv = realloc(r->v, cap * sizeof *nv)) == NULL)
			return NULL;
		r->v = nv;
		r->cap = cap;
	}
	return &r->v[r->n++];
}

static const struct row_mark_rec *
mark_find(const struct rows *r, const char *key)
{
	uint32_t h;
	size_t i;

	if (r->nmarks == 0)
		return NULL;
	h = hash_key(key);
	for (i = 0; i < r->nmarks; i++)
		if (r->marks[i].hash == h && strcmp(r->marks[i].key, key) == 0)
			return &r->marks[i];
	return NULL;
}

static void
fill_row(struct rows *r, struct row *w, struct sockets *s,
    const struct sock *sk)
{
	const struct row_mark_rec *m;

	w->sk = sk;
	copy_str(w->proto, sizeof w->proto, sock_proto_name(sk->proto));
	w->rq = sk->rqueue;
	w->wq = sk->wqueue;
	sock_format_local(sk, w->local, sizeof w->local);
	sock_format_peer(sk, w->peer, sizeof w->peer);
	copy_str(w->state, sizeof w->state, sock_state_name(sk->state));
	w->pid = sk->pid;
	copy_str(w->program, sizeof w->program, sk->comm);
	copy_str(w->user, sizeof w->user, sockets_user(s, sk));
	w->inode = sk->inode;
	w->own = r->own_pid != 0 && sk->pid == r->own_pid;
	rows_key(w->key, sizeof w->key, w->proto, w->local, w->peer, w->inode,
	    w->state);
	w->hash = hash_key(w->key);
	w->mark = MARK_NONE;
	if ((m = mark_find(r, w->key)) == NULL || m->kind == MARK_CLOSED)
		return;
	w->mark = m->kind;
	if (m->kind == MARK_STATE)
		snprintf(w->state, sizeof w->state, "%s->%s", m->old, m->new);
}

static void
expire_marks(struct rows *r, double now)
{
	size_t i = 0;

	while (i < r->nmarks)
		if (now - r->marks[i].when > ROWS_MARK_SECONDS)
			r->marks[i] = r->marks[--r->nmarks];
		else
			i++;
}

/* Closed sockets fade: their last look, shown dim until the mark ends. */
static void
add_ghosts(struct rows *r)
{
	struct row *w;
	size_t i;

	r->closed = 0;
	for (i = 0; i < r->nmarks; i++)
		if (r->marks[i].kind == MARK_CLOSED && rows_find(r,
		    r->marks[i].key) < 0 && (w = row_add(r)) != NULL) {
			r->closed++;
			*w = r->marks[i].ghost;
			w->hash = hash_key(w->key);
			w->own = r->own_pid != 0 && w->pid == r->own_pid;
		}
}

static int sort_col;		/* for qsort, which takes no argument */
static bool sort_reverse;

static int
cmp_u(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = 0;

	switch (sort_col) {
	case COL_PROTO:	c = strcmp(a->proto, b->proto); break;
	case COL_RECVQ:	c = cmp_u(a->rq, b->rq); break;
	case COL_SENDQ:	c = cmp_u(a->wq, b->wq); break;
	case COL_LOCAL:	c = strcmp(a->local, b->local); break;
	case COL_PEER:	c = strcmp(a->peer, b->peer); break;
	case COL_STATE:	c = strcmp(a->state, b->state); break;
	case COL_PROC:	c = cmp_u((uint64_t)a->pid, (uint64_t)b->pid); break;
	case COL_USER:	c = strcmp(a->user, b->user); break;
	}
	if (c == 0)		/* a stable order, so rows do not jump; the
				 * hash first: keys share long prefixes */
		c = a->hash != b->hash ? cmp_u(a->hash, b->hash) :
		    strcmp(a->key, b->key);
	return sort_reverse ? -c : c;
}

void
rows_build(struct rows *r, struct sockets *s, double now)
{
	const struct sock_table *t = sockets_snapshot(s);
	struct row *w;
	size_t i;

	expire_marks(r, now);
	r->n = 0;
	r->total = t->n;
	for (i = 0; i < t->n; i++) {
		const struct sock *sk = &t->v[i];

		if (!passes_toggles(&r->toggles, sk) ||
		    !sock_filter_match(&r->filter, sk, sockets_user(s, sk)))
			continue;
		if ((w = row_add(r)) == NULL)
			break;
		fill_row(r, w, s, sk);
	}
	add_ghosts(r);
	sort_col = r->sort_col;
	sort_reverse = r->sort_reverse;
	if (r->n > 1)
		qsort(r->v, r->n, sizeof *r->v, cmp_rows);
}

bool
rows_repoint(struct rows *r, struct sockets *s)
{
	const struct sock *now;
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].sk == NULL)
			continue;
		if ((now = sockets_find(s, r->v[i].sk)) == NULL)
			return false;
		r->v[i].sk = now;
	}
	return true;
}

long
rows_find(const struct rows *r, const char *key)
{
	uint32_t h = hash_key(key);
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].hash == h && strcmp(r->v[i].key, key) == 0)
			return (long)i;
	return -1;
}
