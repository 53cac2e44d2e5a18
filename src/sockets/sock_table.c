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

/* One 32-bit word into the hash (a multiply and a shift per word: the
 * byte-wise FNV it replaces was a tenth of a 20k-socket refresh). */
static uint32_t
mix(uint32_t h, uint32_t w)
{
	h = (h ^ w) * 0x9e3779b1u;
	return h ^ (h >> 15);
}

static uint32_t
mix_addr(uint32_t h, const uint8_t a[16])
{
	uint32_t w[4];

	memcpy(w, a, sizeof w);
	return mix(mix(mix(mix(h, w[0]), w[1]), w[2]), w[3]);
}

/* murmur3's finaliser: every bit of h reaches the low (slot) bits. */
static uint32_t
avalanche(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	return h ^ (h >> 16);
}

static uint32_t
hash(const struct sock *s)
{
	uint32_t h = mix(0x811c9dc5u, s->proto);

	if (s->proto == SP_UNIX)
		return avalanche(mix(h, s->inode));
	h = mix(h, (uint32_t)s->family << 16 | s->lport);
	h = mix(h, (uint32_t)s->rport << 16 | (by_inode(s) ? 1u : 0u));
	h = mix_addr(mix_addr(h, s->laddr), s->raddr);
	h = mix(h, s->ifindex);
	return avalanche(by_inode(s) ? mix(h, s->inode) : h);
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
	uint32_t h;

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
		h = hash(&t->v[i]);
		slot = h & (t->nslots - 1);
		while (t->index[slot].at != 0)
			slot = (slot + 1) & (t->nslots - 1);
		t->index[slot].at = (uint32_t)i + 1;
		t->index[slot].hash = h;
	}
	return 0;
}

const struct sock *
sock_table_find(const struct sock_table *t, const struct sock *s)
{
	const struct sock *e;
	uint32_t h;
	size_t slot;

	if (t->nslots == 0)
		return NULL;
	h = hash(s);
	slot = h & (t->nslots - 1);
	for (; t->index[slot].at != 0; slot = (slot + 1) & (t->nslots - 1)) {
		if (t->index[slot].hash != h)
			continue;	/* without reading the socket */
		e = &t->v[t->index[slot].at - 1];
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
