/*
 * capture_flows.c: the flow table; see capture_flows.h.
 *
 * Flows live in one array of slots allocated up front. A hash of the
 * flow's key (with its two endpoints in a fixed order, so both directions
 * meet) picks a bucket; each bucket is a chain of slot indices. A second
 * list, most recently seen first, says which flow to give up when the
 * table is full: the one at its tail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture_flows.h"

#define NIL	(-1)

struct flow_key {
	uint8_t			 family, proto, icmp;
	struct capture_flow_end	 lo, hi;	/* lo sorts first */
};

struct slot {
	struct capture_flow	 flow;
	int32_t			 chain;		/* next in the bucket */
	int32_t			 newer, older;	/* the recency list */
	uint32_t		 bucket;
};

struct capture_flows {
	struct slot		*slot;
	int32_t			*bucket;
	const struct capture_flow **scratch;	/* for capture_flows_list */
	size_t			 max, used, nbuckets;
	int32_t			 newest, oldest;
	uint64_t		 evicted, other;
	int64_t			 newest_sec;
};

struct capture_flows *
capture_flows_new(size_t max)
{
	struct capture_flows *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->max = max > 0 ? max : CAPTURE_FLOWS_MAX;
	for (t->nbuckets = 16; t->nbuckets < 2 * t->max; t->nbuckets *= 2)
		;
	t->slot = calloc(t->max, sizeof *t->slot);
	t->bucket = calloc(t->nbuckets, sizeof *t->bucket);
	t->scratch = calloc(t->max, sizeof *t->scratch);
	if (t->slot == NULL || t->bucket == NULL || t->scratch == NULL) {
		capture_flows_free(t);
		return NULL;
	}
	capture_flows_clear(t);
	return t;
}

void
capture_flows_free(struct capture_flows *t)
{
	if (t == NULL)
		return;
	free(t->slot);
	free(t->bucket);
	free(t->scratch);
	free(t);
}

void
capture_flows_clear(struct capture_flows *t)
{
	size_t i;

	for (i = 0; i < t->nbuckets; i++)
		t->bucket[i] = NIL;
	t->used = 0;
	t->newest = t->oldest = NIL;
	t->evicted = t->other = 0;
	t->newest_sec = 0;
}

/* An echo and its reply are one flow, by id; other messages by type. */
static void
icmp_key(struct flow_key *k, struct capture_flow_end *src,
    struct capture_flow_end *dst, bool echo, uint16_t id, uint8_t type)
{
	k->icmp = echo ? FLOW_ICMP_ECHO_ID : FLOW_ICMP_TYPE;
	src->port = dst->port = echo ? id : type;
}

/* The endpoints of the packet, or false if it is in no flow. */
static bool
packet_key(const struct dissect *d, struct flow_key *k,
    struct capture_flow_end *src, struct capture_flow_end *dst)
{
	const struct dissect_layer *ip, *l;

	memset(k, 0, sizeof *k);
	memset(src, 0, sizeof *src);
	memset(dst, 0, sizeof *dst);
	if ((ip = dissect_find(d, DP_IPV4)) != NULL &&
	    ip->status == DECODE_OK) {
		k->family = 4;
		k->proto = ip->u.ip4.protocol;
		memcpy(src->addr, ip->u.ip4.src, 4);
		memcpy(dst->addr, ip->u.ip4.dst, 4);
	} else if ((ip = dissect_find(d, DP_IPV6)) != NULL &&
	    ip->status == DECODE_OK) {
		k->family = 6;
		k->proto = ip->u.ip6.protocol;
		memcpy(src->addr, ip->u.ip6.src, 16);
		memcpy(dst->addr, ip->u.ip6.dst, 16);
	} else
		return false;
	if ((l = dissect_find(d, DP_UDP)) != NULL) {
		src->port = l->u.udp.sport;
		dst->port = l->u.udp.dport;
	} else if ((l = dissect_find(d, DP_TCP)) != NULL) {
		src->port = l->u.tcp.sport;
		dst->port = l->u.tcp.dport;
	} else if ((l = dissect_find(d, DP_ICMP)) != NULL)
		icmp_key(k, src, dst, l->u.icmp.type == 8 ||
		    l->u.icmp.type == 0, l->u.icmp.id, l->u.icmp.type);
	else if ((l = dissect_find(d, DP_ICMPV6)) != NULL)
		icmp_key(k, src, dst, l->u.icmp6.type == 128 ||
		    l->u.icmp6.type == 129, l->u.icmp6.id, l->u.icmp6.type);
	if (memcmp(src, dst, sizeof *src) <= 0) {
		k->lo = *src;
		k->hi = *dst;
	} else {
		k->lo = *dst;
		k->hi = *src;
	}
	return true;
}

/* FNV-1a over the key's bytes (the padding is zeroed by packet_key). */
static uint32_t
key_hash(const struct flow_key *k)
{
	const uint8_t *p = (const uint8_t *)k;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < sizeof *k; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static bool
flow_matches(const struct capture_flow *f, const struct flow_key *k)
{
	if (f->family != k->family || f->proto != k->proto ||
	    f->icmp != k->icmp)
		return false;
	return (memcmp(&f->a, &k->lo, sizeof k->lo) == 0 &&
	    memcmp(&f->b, &k->hi, sizeof k->hi) == 0) ||
	    (memcmp(&f->a, &k->hi, sizeof k->hi) == 0 &&
	    memcmp(&f->b, &k->lo, sizeof k->lo) == 0);
}

static void
unlink_recent(struct capture_flows *t, int32_t i)
{
	struct slot *s = &t->slot[i];

	if (s->newer != NIL)
		t->slot[s->newer].older = s->older;
	else
		t->newest = s->older;
	if (s->older != NIL)
		t->slot[s->older].newer = s->newer;
	else
		t->oldest = s->newer;
}

static void
push_recent(struct capture_flows *t, int32_t i)
{
	struct slot *s = &t->slot[i];

	s->newer = NIL;
	s->older = t->newest;
	if (t->newest != NIL)
		t->slot[t->newest].newer = i;
	t->newest = i;
	if (t->oldest == NIL)
		t->oldest = i;
}

static void
unlink_bucket(struct capture_flows *t, int32_t i)
{
	int32_t *at = &t->bucket[t->slot[i].bucket];

	while (*at != NIL && *at != i)
		at = &t->slot[*at].chain;
	if (*at == i)
		*at = t->slot[i].chain;
}

/* A slot for a new flow: a free one, or the one idle longest. */
static int32_t
take_slot(struct capture_flows *t)
{
	int32_t i;

	if (t->used < t->max)
		return (int32_t)t->used++;
	i = t->oldest;
	unlink_recent(t, i);
	unlink_bucket(t, i);
	t->evicted++;
	return i;
}

static struct capture_flow *
find_or_add(struct capture_flows *t, const struct flow_key *k,
    const struct capture_flow_end *src, const struct capture_flow_end *dst,
    const struct timeval *ts)
{
	uint32_t b = key_hash(k) & (uint32_t)(t->nbuckets - 1);
	struct slot *s;
	int32_t i;

	for (i = t->bucket[b]; i != NIL; i = t->slot[i].chain)
		if (flow_matches(&t->slot[i].flow, k)) {
			unlink_recent(t, i);
			push_recent(t, i);
			return &t->slot[i].flow;
		}
	i = take_slot(t);
	s = &t->slot[i];
	memset(&s->flow, 0, sizeof s->flow);
	s->flow.family = k->family;
	s->flow.proto = k->proto;
	s->flow.icmp = k->icmp;
	s->flow.a = *src;
	s->flow.b = *dst;
	s->flow.first = *ts;
	s->flow.hist_sec = ts->tv_sec;
	s->bucket = b;
	s->chain = t->bucket[b];
	t->bucket[b] = i;
	push_recent(t, i);
	return &s->flow;
}

static unsigned
hist_index(int64_t sec)
{
	return (unsigned)(((sec % CAPTURE_FLOW_HISTORY) +
	    CAPTURE_FLOW_HISTORY) % CAPTURE_FLOW_HISTORY);
}

/* The second's bytes; seconds skipped since the last packet become 0. */
static void
count_second(struct capture_flow *f, int64_t sec, uint32_t len)
{
	uint32_t *slot;
	int64_t s;

	if (sec > f->hist_sec) {
		s = sec - f->hist_sec > CAPTURE_FLOW_HISTORY ?
		    sec - CAPTURE_FLOW_HISTORY + 1 : f->hist_sec + 1;
		for (; s <= sec; s++)
			f->hist[hist_index(s)] = 0;
		f->hist_sec = sec;
	}
	if (f->hist_sec - sec >= CAPTURE_FLOW_HISTORY)
		return;		/* too old a packet (another handle's) */
	slot = &f->hist[hist_index(sec)];
	*slot = *slot > UINT32_MAX - len ? UINT32_MAX : *slot + len;
}

void
capture_flows_add(struct capture_flows *t, const struct capture_pkt *p,
    const struct dissect *d)
{
	struct capture_flow_end src, dst;
	struct capture_flow *f;
	struct flow_key k;
	int dir;

	if (!packet_key(d, &k, &src, &dst)) {
		t->other++;
		return;
	}
	f = find_or_add(t, &k, &src, &dst, &p->ts);
	dir = memcmp(&f->a, &src, sizeof src) == 0 ? 0 : 1;
	f->packets[dir]++;
	f->bytes[dir] += p->len;
	if (timercmp(&p->ts, &f->last, >))
		f->last = p->ts;
	if (timercmp(&p->ts, &f->first, <))
		f->first = p->ts;
	count_second(f, p->ts.tv_sec, p->len);
	if (p->ts.tv_sec > t->newest_sec)
		t->newest_sec = p->ts.tv_sec;
}

size_t
capture_flows_count(const struct capture_flows *t)
{
	return t->used;
}

uint64_t
capture_flows_evicted(const struct capture_flows *t)
{
	return t->evicted;
}

uint64_t
capture_flows_other(const struct capture_flows *t)
{
	return t->other;
}

int64_t
capture_flows_newest(const struct capture_flows *t)
{
	return t->newest_sec;
}

uint64_t
capture_flow_packets(const struct capture_flow *f)
{
	return f->packets[0] + f->packets[1];
}

uint64_t
capture_flow_bytes(const struct capture_flow *f)
{
	return f->bytes[0] + f->bytes[1];
}

uint32_t
capture_flow_bytes_at(const struct capture_flow *f, int64_t now,
    unsigned back)
{
	int64_t sec = now - (int64_t)back;

	if (sec > f->hist_sec || f->hist_sec - sec >= CAPTURE_FLOW_HISTORY)
		return 0;
	return f->hist[hist_index(sec)];
}

double
capture_flow_rate(const struct capture_flow *f, int64_t now)
{
	uint64_t sum = 0;
	unsigned i;

	for (i = 0; i < CAPTURE_FLOW_RATE_SECS; i++)
		sum += capture_flow_bytes_at(f, now, i);
	return (double)sum / CAPTURE_FLOW_RATE_SECS;
}

struct order {
	enum capture_flow_order	 by;
	int64_t			 now;
};

static double
measure(const struct capture_flow *f, const struct order *o)
{
	switch (o->by) {
	case FLOW_BY_PACKETS:	return (double)capture_flow_packets(f);
	case FLOW_BY_RATE:	return capture_flow_rate(f, o->now);
	default:		return (double)capture_flow_bytes(f);
	}
}

static int
compare(const void *x, const void *y, void *arg)
{
	const struct capture_flow *f = *(const struct capture_flow *const *)x;
	const struct capture_flow *g = *(const struct capture_flow *const *)y;
	double mf = measure(f, arg), mg = measure(g, arg);

	if (mf != mg)
		return mf > mg ? -1 : 1;
	if (timercmp(&f->first, &g->first, !=))
		return timercmp(&f->first, &g->first, <) ? -1 : 1;
	return 0;
}

size_t
capture_flows_list(const struct capture_flows *t,
    const struct capture_flow **out, size_t max, enum capture_flow_order by,
    int64_t now)
{
	struct order o = { by, now };
	size_t i, n = t->used < max ? t->used : max;

	for (i = 0; i < t->used; i++)
		t->scratch[i] = &t->slot[i].flow;
	qsort_r(t->scratch, t->used, sizeof *t->scratch, compare, &o);
	memcpy(out, t->scratch, n * sizeof *out);
	return n;
}

bool
capture_flow_has_ports(const struct capture_flow *f)
{
	return f->proto == 6 || f->proto == 17;
}

const char *
capture_flow_proto_name(const struct capture_flow *f, char *buf, size_t len)
{
	switch (f->proto) {
	case 1:		return "icmp";
	case 6:		return "tcp";
	case 17:	return "udp";
	case 58:	return "icmp6";
	}
	snprintf(buf, len, "ip-%u", f->proto);
	return buf;
}
