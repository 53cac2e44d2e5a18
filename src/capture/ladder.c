/*
 * ladder.c: mesh datagrams merged into arrows; see ladder.h.
 *
 * The arrows sit in a ring in the order their first copies were taken
 * (capture time, not arrival: several handles deliver in their own
 * order). The ended ones are always the oldest: an arrow ends only after
 * every older one has, so the output keeps that order, live or from a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture_fmt.h"
#include "ladder.h"

#define HASH_BYTES	96	/* of the datagram: header and body's start */
#define MATCH_WINDOW	512	/* arrows searched back for a copy's own */

struct ladder {
	struct ladder_roles	 roles;
	bool			 by_role;	/* a role table was given */
	int			 tap_role[LADDER_TAPS_MAX];
	bool			 tap_seen[LADDER_TAPS_MAX];
	struct ladder_arrow	*ring;
	size_t			 cap, start, count;
	size_t			 ended;		/* the oldest ones */
};

int
ladder_tap_index(const struct ladder_roles *roles, const char *where)
{
	size_t i;

	for (i = 0; roles != NULL && i < roles->ntap; i++)
		if (strcmp(roles->tap[i], where) == 0)
			return (int)i;
	return -1;
}

static int
role_by_name(const struct ladder_roles *roles, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < roles->nrole; i++)
		if (strlen(roles->role[i].name) == len &&
		    strncmp(roles->role[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

struct ladder *
ladder_new(const struct ladder_roles *roles, size_t keep)
{
	struct ladder *l = calloc(1, sizeof *l);
	const char *colon;
	size_t i;

	if (l == NULL || (l->ring = calloc(keep > 0 ? keep : 1,
	    sizeof *l->ring)) == NULL) {
		free(l);
		return NULL;
	}
	l->cap = keep > 0 ? keep : 1;
	if (roles != NULL) {
		l->roles = *roles;
		l->by_role = true;
	}
	for (i = 0; i < l->roles.ntap; i++) {
		colon = strchr(l->roles.tap[i], ':');
		l->tap_role[i] = role_by_name(&l->roles, l->roles.tap[i],
		    colon != NULL ? (size_t)(colon - l->roles.tap[i]) : 0);
	}
	return l;
}

void
ladder_free(struct ladder *l)
{
	if (l == NULL)
		return;
	free(l->ring);
	free(l);
}

void
ladder_clear(struct ladder *l)
{
	l->start = l->count = l->ended = 0;
	memset(l->tap_seen, 0, sizeof l->tap_seen);
	if (!l->by_role)
		l->roles.nrole = 0;
}

static struct ladder_arrow *
arrow_at(const struct ladder *l, size_t i)
{
	return &l->ring[(l->start + i) % l->cap];
}

/* "ip:port" or "[ip6]:port": does the endpoint have that IP? */
static bool
endpoint_has_ip(const char *ep, const char *ip)
{
	size_t n = strlen(ip);

	if (ep[0] == '[')
		return strncmp(ep + 1, ip, n) == 0 && ep[n + 1] == ']';
	return strncmp(ep, ip, n) == 0 && ep[n] == ':';
}

/* The role owning the endpoint's address (by_role), or the endpoint's own
 * column; -1 if none. */
static int
role_of(const struct ladder *l, const char *ep)
{
	const struct ladder_role *r;
	size_t i, k;

	for (i = 0; i < l->roles.nrole; i++) {
		r = &l->roles.role[i];
		for (k = 0; k < r->naddr; k++)
			if (l->by_role ? endpoint_has_ip(ep, r->addr[k]) :
			    strcmp(ep, r->addr[k]) == 0)
				return (int)i;
	}
	return -1;
}

/* Without a role table: the endpoint's column, added if there is room. */
static int
endpoint_column(struct ladder *l, const char *ep)
{
	struct ladder_role *r;
	int c = role_of(l, ep);

	if (c >= 0 || l->roles.nrole == LADDER_ROLES_MAX)
		return c;
	r = &l->roles.role[l->roles.nrole];
	memset(r, 0, sizeof *r);
	snprintf(r->addr[0], sizeof r->addr[0], "%s", ep);
	r->naddr = 1;
	return (int)l->roles.nrole++;
}

static void
endpoint_text(char *out, const struct dissect_layer *ip, bool src,
    uint16_t port)
{
	struct strbuf sb;

	sb_init(&sb);
	fmt_ip_addr(&sb, ip, src);
	snprintf(out, LADDER_ADDR_LEN, ip->proto == DP_IPV6 ? "[%s]:%u" :
	    "%s:%u", sb.buf != NULL ? sb.buf : "?", port);
	sb_free(&sb);
}

static uint32_t
fnv1a(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *p++) * 16777619u;
	return h;
}

/* A copy nobody should count: the bridge flooding a frame past a host
 * it is not for (SLL's "to someone else"). */
static bool
overheard(const struct dissect *d)
{
	const struct dissect_layer *sll;

	if ((sll = dissect_find(d, DP_SLL2)) == NULL &&
	    (sll = dissect_find(d, DP_SLL)) == NULL)
		return false;
	return sll->u.sll.packet_type == SLL_OTHERHOST;
}

static bool
copy_of(const struct capture_pkt *p, const struct dissect *d,
    struct ladder_copy *c)
{
	const struct dissect_layer *ip, *udp;

	if ((udp = dissect_find(d, DP_UDP)) == NULL)
		return false;
	if ((ip = dissect_find(d, DP_IPV4)) == NULL &&
	    (ip = dissect_find(d, DP_IPV6)) == NULL)
		return false;
	c->ts = p->ts;
	snprintf(c->where, sizeof c->where, "%s", capture_pkt_where(p));
	endpoint_text(c->src, ip, true, udp->u.udp.sport);
	endpoint_text(c->dst, ip, false, udp->u.udp.dport);
	return true;
}

static bool
tv_before(const struct timeval *a, const struct timeval *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_usec < b->tv_usec);
}

static struct ladder_arrow *
find_arrow(const struct ladder *l, const struct ladder_arrow *key)
{
	struct ladder_arrow *a;
	size_t i, n = l->count < MATCH_WINDOW ? l->count : MATCH_WINDOW;

	for (i = 1; i <= n; i++) {
		a = arrow_at(l, l->count - i);
		if (a->sender == key->sender && a->seq == key->seq &&
		    a->type == key->type && a->hash == key->hash)
			return a;
	}
	return NULL;
}

static void end_arrow(struct ladder *, struct ladder_arrow *);

/* Room for one more: the oldest goes (ended first if it was not). */
static void
make_room(struct ladder *l)
{
	if (l->count < l->cap)
		return;
	if (l->ended == 0)
		end_arrow(l, arrow_at(l, 0));
	else
		l->ended--;
	l->start = (l->start + 1) % l->cap;
	l->count--;
}

/* A new arrow, in capture-time order among the ones not ended. */
static void
insert_arrow(struct ladder *l, const struct ladder_arrow *a)
{
	size_t j;

	make_room(l);
	j = l->count++;
	while (j > l->ended && tv_before(&a->ts, &arrow_at(l, j - 1)->ts)) {
		*arrow_at(l, j) = *arrow_at(l, j - 1);
		j--;
	}
	*arrow_at(l, j) = *a;
}

static void
learn_name(struct ladder *l, const struct dissect_mesh *mm,
    const struct ladder_copy *c)
{
	int col;

	if (l->by_role)
		return;
	col = endpoint_column(l, c->src);
	endpoint_column(l, c->dst);
	if (col >= 0 && mm->has_body && mm->hdr.type == MESH_HELLO)
		snprintf(l->roles.role[col].name, LADDER_NAME_LEN, "%s",
		    mm->body.u.peer.name);
}

bool
ladder_add(struct ladder *l, const struct capture_pkt *p,
    const struct dissect *d)
{
	const struct dissect_layer *m = dissect_find(d, DP_MESH);
	struct ladder_arrow key, *a;
	struct ladder_copy c;

	c.pos = ladder_tap_index(&l->roles, capture_pkt_where(p));
	if (c.pos >= 0)
		l->tap_seen[c.pos] = true;
	if (m == NULL || overheard(d) || (l->by_role && c.pos < 0) ||
	    !copy_of(p, d, &c))
		return false;
	learn_name(l, &m->u.mesh, &c);
	memset(&key, 0, sizeof key);
	key.sender = m->u.mesh.hdr.sender;
	key.seq = m->u.mesh.hdr.seq;
	key.type = m->u.mesh.hdr.type;
	key.flags = m->u.mesh.hdr.flags;
	key.hash = fnv1a(p->data + m->offset, m->len < HASH_BYTES ? m->len :
	    HASH_BYTES);
	if ((a = find_arrow(l, &key)) != NULL) {
		if (!a->done && a->ncopy < LADDER_COPIES_MAX)
			a->copy[a->ncopy++] = c;
		if (!a->done && tv_before(&c.ts, &a->ts))
			a->ts = c.ts;
		return true;
	}
	key.ts = c.ts;
	key.from = key.to = key.dropped_at = -1;
	key.copy[0] = c;
	key.ncopy = 1;
	insert_arrow(l, &key);
	return true;
}

/* The sender: a host whose own address a copy's source is; else the NAT
 * whose public address it is (all that was seen is after it). */
static int
sender_role(const struct ladder *l, const struct ladder_arrow *a)
{
	int r, from = -1;
	size_t i;

	for (i = 0; i < a->ncopy; i++) {
		if ((r = role_of(l, a->copy[i].src)) < 0)
			continue;
		if (!l->roles.role[r].nat)
			return r;
		if (from < 0)
			from = r;
	}
	return from;
}

static int
first_tap_of(const struct ladder *l, int role)
{
	size_t i;

	for (i = 0; i < l->roles.ntap; i++)
		if (l->tap_role[i] == role)
			return (int)i;
	return 0;
}

/* Nearest the sender first: the taps are a line, the sender at one end
 * or in the middle; equal distances (none in a line) by time. */
static void
sort_copies(struct ladder_arrow *a, int origin)
{
	struct ladder_copy t;
	size_t i, j;
	int di, dj;

	for (i = 1; i < a->ncopy; i++)
		for (j = i; j > 0; j--) {
			di = abs(a->copy[j].pos - origin);
			dj = abs(a->copy[j - 1].pos - origin);
			if (di > dj || (di == dj && !tv_before(&a->copy[j].ts,
			    &a->copy[j - 1].ts)))
				break;
			t = a->copy[j];
			a->copy[j] = a->copy[j - 1];
			a->copy[j - 1] = t;
		}
}

static bool
seen_at(const struct ladder_arrow *a, int tap)
{
	size_t i;

	for (i = 0; i < a->ncopy; i++)
		if (a->copy[i].pos == tap)
			return true;
	return false;
}

/* Addressed to a NAT, it reached the NAT's tap and none of the NAT's
 * other taps, though those see traffic: the NAT let it go no further.
 * (A peer running on the NAT itself would look the same; the lab runs
 * none there.) */
static int
dropping_nat(const struct ladder *l, const struct ladder_arrow *a)
{
	const struct ladder_copy *far = ladder_after(a);
	size_t t;
	bool other = false;

	if (a->to < 0 || !l->roles.role[a->to].nat || far->pos < 0 ||
	    l->tap_role[far->pos] != a->to)
		return -1;
	for (t = 0; t < l->roles.ntap; t++) {
		if (l->tap_role[t] != a->to || (int)t == far->pos)
			continue;
		if (seen_at(a, (int)t) || !l->tap_seen[t])
			return -1;
		other = true;
	}
	return other ? a->to : -1;
}

/* The receiver has places that see traffic and the datagram is at none. */
static bool
never_arrived(const struct ladder *l, const struct ladder_arrow *a)
{
	size_t t;
	bool watched = false;

	if (a->to < 0 || a->dropped_at >= 0)
		return false;
	for (t = 0; t < l->roles.ntap; t++) {
		if (l->tap_role[t] != a->to)
			continue;
		if (seen_at(a, (int)t))
			return false;
		watched = watched || l->tap_seen[t];
	}
	return watched;
}

static void
end_arrow(struct ladder *l, struct ladder_arrow *a)
{
	a->done = true;
	if (!l->by_role) {	/* one place: the copies in time order */
		sort_copies(a, 0);
		a->from = role_of(l, ladder_before(a)->src);
		a->to = role_of(l, ladder_after(a)->dst);
		return;
	}
	a->from = sender_role(l, a);
	sort_copies(a, first_tap_of(l, a->from));
	a->to = role_of(l, ladder_after(a)->dst);
	a->dropped_at = dropping_nat(l, a);
	a->lost = never_arrived(l, a);
}

static bool
old_enough(const struct ladder_arrow *a, const struct timeval *now)
{
	struct timeval last = a->ts;
	long long ms;
	size_t i;

	for (i = 0; i < a->ncopy; i++)
		if (tv_before(&last, &a->copy[i].ts))
			last = a->copy[i].ts;
	ms = (long long)(now->tv_sec - last.tv_sec) * 1000 +
	    (now->tv_usec - last.tv_usec) / 1000;
	return ms >= LADDER_GRACE_MS;
}

/* A copy taken earlier than the first one may come later (another
 * handle's): the open arrows in the order of their first copies again. */
static void
sort_open(struct ladder *l)
{
	struct ladder_arrow t;
	size_t i, j;

	for (i = l->ended + 1; i < l->count; i++)
		for (j = i; j > l->ended && tv_before(&arrow_at(l, j)->ts,
		    &arrow_at(l, j - 1)->ts); j--) {
			t = *arrow_at(l, j);
			*arrow_at(l, j) = *arrow_at(l, j - 1);
			*arrow_at(l, j - 1) = t;
		}
}

size_t
ladder_flush(struct ladder *l, const struct timeval *now, ladder_arrow_fn fn,
    void *arg)
{
	struct ladder_arrow *a;
	size_t n = 0;

	sort_open(l);
	while (l->ended < l->count) {
		a = arrow_at(l, l->ended);
		if (now != NULL && !old_enough(a, now))
			break;
		if (!a->done)
			end_arrow(l, a);
		l->ended++;
		n++;
		if (fn != NULL)
			fn(l, a, arg);
	}
	return n;
}

size_t
ladder_count(const struct ladder *l)
{
	return l->count;
}

const struct ladder_arrow *
ladder_get(const struct ladder *l, size_t i)
{
	return i < l->count ? arrow_at(l, i) : NULL;
}

size_t
ladder_columns(const struct ladder *l)
{
	return l->roles.nrole;
}

const struct ladder_role *
ladder_column(const struct ladder *l, int col)
{
	return col >= 0 && (size_t)col < l->roles.nrole ?
	    &l->roles.role[col] : NULL;
}

const char *
ladder_column_name(const struct ladder *l, int col)
{
	const struct ladder_role *r = ladder_column(l, col);

	if (r == NULL)
		return "?";
	return r->name[0] != '\0' ? r->name : r->addr[0];
}

int
ladder_place_column(const struct ladder *l, const char *where)
{
	int t = ladder_tap_index(&l->roles, where);

	return t >= 0 ? l->tap_role[t] : -1;
}

const struct ladder_copy *
ladder_before(const struct ladder_arrow *a)
{
	return &a->copy[0];
}

const struct ladder_copy *
ladder_after(const struct ladder_arrow *a)
{
	return &a->copy[a->ncopy > 0 ? a->ncopy - 1 : 0];
}
