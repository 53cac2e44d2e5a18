/* capture_tcpseq.c: relative TCP sequence numbers; see capture_tcpseq.h. */
#include <stdlib.h>
#include <string.h>

#include "capture_tcpseq.h"

#define BUCKETS	65536	/* a million conversations: chains of ~16 */

struct conv {
	struct conv	*next;
	uint8_t		 family;
	uint8_t		 lo[16], hi[16];	/* addresses, lower first */
	uint32_t	 ports;			/* of lo << 16 | of hi */
	uint32_t	 seq, ack;		/* bases, lo -> hi direction */
};

struct tcpseq {
	struct conv	*bucket[BUCKETS];
	size_t		 count;
};

struct tcpseq *
tcpseq_new(void)
{
	return calloc(1, sizeof(struct tcpseq));
}

void
tcpseq_free(struct tcpseq *t)
{
	struct conv *c, *next;
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < BUCKETS; i++)
		for (c = t->bucket[i]; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
	free(t);
}

/* The conversation's key in tcpdump's collating order: the lower address
 * (then port) first; *rev when this segment goes the other way. */
static void
make_key(const struct dissect_layer *ip, const struct tcp_hdr *h,
    struct conv *k, bool *rev)
{
	size_t alen = ip->proto == DP_IPV4 ? 4 : 16;
	const uint8_t *src = ip->proto == DP_IPV4 ? ip->u.ip4.src : ip->u.ip6.src;
	const uint8_t *dst = ip->proto == DP_IPV4 ? ip->u.ip4.dst : ip->u.ip6.dst;
	int cmp = memcmp(src, dst, alen);

	memset(k, 0, sizeof *k);
	k->family = (uint8_t)alen;
	*rev = cmp > 0 || (cmp == 0 && h->sport > h->dport);
	memcpy(k->lo, *rev ? dst : src, alen);
	memcpy(k->hi, *rev ? src : dst, alen);
	k->ports = *rev ? (uint32_t)h->dport << 16 | h->sport :
	    (uint32_t)h->sport << 16 | h->dport;
}

static bool
same(const struct conv *a, const struct conv *b)
{
	return a->family == b->family && a->ports == b->ports &&
	    memcmp(a->lo, b->lo, sizeof a->lo) == 0 &&
	    memcmp(a->hi, b->hi, sizeof a->hi) == 0;
}

/* FNV-1a over addresses and ports: ports alone crowd a few buckets when
 * one server port meets many clients. */
static size_t
hash(const struct conv *k)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < k->family; i++) {
		h = (h ^ k->lo[i]) * 16777619u;
		h = (h ^ k->hi[i]) * 16777619u;
	}
	h = (h ^ k->ports) * 16777619u;
	return h % BUCKETS;
}

static struct conv *
find_or_add(struct tcpseq *t, const struct conv *k, bool *found)
{
	struct conv **slot = &t->bucket[hash(k)], *c;

	for (c = *slot; c != NULL; c = c->next)
		if (same(c, k)) {
			*found = true;
			return c;
		}
	*found = false;
	if (t->count >= TCPSEQ_MAX || (c = malloc(sizeof *c)) == NULL)
		return NULL;
	*c = *k;
	c->next = *slot;
	*slot = c;
	t->count++;
	return c;
}

void
tcpseq_view(struct tcpseq *t, const struct dissect_layer *ip,
    const struct tcp_hdr *h, struct tcpseq_view *v)
{
	struct conv key, *c;
	bool rev, found;

	memset(v, 0, sizeof *v);
	v->seq = h->seq;
	v->ack = h->ack;
	if (t == NULL || !(h->flags & TCP_ACK) ||
	    (ip->proto != DP_IPV4 && ip->proto != DP_IPV6))
		return;
	make_key(ip, h, &key, &rev);
	if ((c = find_or_add(t, &key, &found)) == NULL)
		return;
	v->reversed = rev;
	if (!found || (h->flags & TCP_SYN)) {
		/* A new conversation: these numbers become its bases. */
		c->seq = rev ? h->ack - 1 : h->seq;
		c->ack = rev ? h->seq : h->ack - 1;
	} else if (rev) {
		v->seq = h->seq - c->ack;
		v->ack = h->ack - c->seq;
	} else {
		v->seq = h->seq - c->seq;
		v->ack = h->ack - c->ack;
	}
	v->base_seq = c->seq;
	v->base_ack = c->ack;
}
