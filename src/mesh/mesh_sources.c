/* mesh_sources.c: the per-source table and token buckets. */
#include <string.h>

#include "mesh_addr.h"
#include "mesh_sources.h"

#define PROBE_SPAN	8	/* slots looked at from the hashed one */

static unsigned
addr_hash(const struct sockaddr_in6 *a)
{
	const uint8_t *b = a->sin6_addr.s6_addr;
	unsigned h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < sizeof a->sin6_addr; i++)
		h = (h ^ b[i]) * 16777619u;
	h = (h ^ (a->sin6_port & 0xff)) * 16777619u;
	h = (h ^ (a->sin6_port >> 8)) * 16777619u;
	return h;
}

struct source *
sources_get(struct sources *t, const struct sockaddr_in6 *addr, double now)
{
	unsigned h = addr_hash(addr);
	struct source *s, *stalest = NULL;
	int i;

	for (i = 0; i < PROBE_SPAN; i++) {
		s = &t->slot[(h + (unsigned)i) % SOURCES_SLOTS];
		if (s->used && mesh_addr_equal(&s->addr, addr)) {
			s->seen = now;
			return s;
		}
		if (stalest == NULL || !s->used ||
		    (stalest->used && s->seen < stalest->seen))
			stalest = s;
	}
	memset(stalest, 0, sizeof *stalest);
	stalest->used = true;
	stalest->addr = *addr;
	stalest->seen = now;
	stalest->answers.last = stalest->events.last = now;
	stalest->answers.tokens = stalest->events.tokens = -1;	/* full */
	return stalest;
}

bool
bucket_take(struct bucket *b, double now, double rate, double burst)
{
	if (b->tokens < 0)
		b->tokens = burst;
	b->tokens += (now - b->last) * rate;
	if (b->tokens > burst)
		b->tokens = burst;
	b->last = now;
	if (b->tokens < 1)
		return false;
	b->tokens -= 1;
	return true;
}
