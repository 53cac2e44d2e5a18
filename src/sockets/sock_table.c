/*
 * sock_table.c: a refresh's sockets, with a hash index on identity (see
 * sock_table.h) for the diff between refreshes and for UNIX peer names.
 */
#include <stdlib.h>
#include <string.h>

#include "sock_table.h"

void
sock_table_init(struct sock_table *t)
{
	memset(t, 0, sizeof *t);
}

void
sock_table_free(struct sock_table *t)
{
	free(t->v);
	free(t->index);
	sock_table_init(t);
}

void
sock_table_clear(struct sock_table *t)
{
	t->n = 0;
	if (t->index != NULL)
		memset(t->index, 0, t->nslots * sizeof *t->index);
}

struct sock *
sock_table_add(struct sock_table *t)
{
	struct sock *v;
	size_t cap;

	if (t->n == t->cap) {
		cap = t->cap == 0 ? 256 : t->cap * 2;
		if ((v = realloc(t->v, cap * sizeof *v)) == NULL)
			return NULL;
		t->v = v;
		t->cap = cap;
	}
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	return &t->v[t->n++];
}

void
sock_table_drop_last(struct sock_table *t)
{
	if (t->n > 0)
		t->n--;
}

static bool
by_inode(const struct sock *s)
{
	return s->proto == SP_UNIX ||
	    (s->proto != SP_TCP && s->inode != 0) ||
	    (s->proto == SP_TCP && s->state == ST_LISTEN);
}

/* FNV-1a over the identity's bytes. */
static uint32_t
fnv(uint32_t h, const void *p, size_t n)
{
	const uint8_t *b = p;

	while (n-- > 0)
		h = (h ^ *b++) * 16777619u;
	return h;
}

static uint32_t
hash(const struct sock *s)
{
	uint32_t h = fnv(2166136261u, &s->proto, 1);

	if (s->proto == SP_UNIX)
		return fnv(h, &s->inode, 4);
	h = fnv(h, &s->family, 1);
	h = fnv(h, s->laddr, 16);
	h = fnv(h, s->raddr, 16);
	h = fnv(h, &s->lport, 2);
	h = fnv(h, &s->rport, 2);
	h = fnv(h, &s->ifindex, 4);
	return by_inode(s) ? fnv(h, &s->inode, 4) : h;
}

static bool
same(const struct sock *a, const struct sock *b)
{
	if (a->proto != b->proto || by_inode(a) != by_inode(b))
		return false;
	if (by_inode(a) && a->inode != b->inode)
		return false;
	if (a->proto == SP_UNIX)
		return true;
	return a->family == b->family && a->lport == b->lport &&
	    a->rport == b->rport && a->ifindex == b->ifindex &&
	    memcmp(a->laddr, b->laddr, 16) == 0 &&
	    memcmp(a->raddr, b->raddr, 16) == 0;
}

int
sock_table_index(struct sock_table *t)
{
	size_t want = 1024, i, slot;

	while (want < t->n * 2)
		want *= 2;
	if (want != t->nslots) {
		free(t->index);
		if ((t->index = calloc(want, sizeof *t->index)) == NULL) {
			t->nslots = 0;
			return -1;
		}
		t->nslots = want;
	} else
		memset(t->index, 0, want * sizeof *t->index);
	for (i = 0; i < t->n; i++) {
		slot = hash(&t->v[i]) & (t->nslots - 1);
		while (t->index[slot] != 0)
			slot = (slot + 1) & (t->nslots - 1);
		t->index[slot] = (uint32_t)i + 1;
	}
	return 0;
}

const struct sock *
sock_table_find(const struct sock_table *t, const struct sock *s)
{
	size_t slot;
	const struct sock *e;

	if (t->nslots == 0)
		return NULL;
	slot = hash(s) & (t->nslots - 1);
	for (; t->index[slot] != 0; slot = (slot + 1) & (t->nslots - 1)) {
		e = &t->v[t->index[slot] - 1];
		if (same(e, s))
			return e;
	}
	return NULL;
}

const struct sock *
sock_table_find_inode(const struct sock_table *t, uint32_t inode)
{
	struct sock key;

	memset(&key, 0, sizeof key);
	key.proto = SP_UNIX;
	key.inode = inode;
	return sock_table_find(t, &key);
}

void
sock_table_swap(struct sock_table *a, struct sock_table *b)
{
	struct sock_table tmp = *a;

	*a = *b;
	*b = tmp;
}
