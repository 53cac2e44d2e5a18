/* mesh_replay.c: the replay window (see mesh_replay.h). */
#include <string.h>

#include "mesh_replay.h"

static bool
bit_get(const struct replay *r, uint32_t i)
{
	return (r->seen[i / 64] >> (i % 64)) & 1;
}

static void
bit_set(struct replay *r, uint32_t i)
{
	r->seen[i / 64] |= (uint64_t)1 << (i % 64);
}

bool
replay_fresh(const struct replay *r, uint32_t seq)
{
	uint32_t behind = r->top - seq;

	if (!r->started || (int32_t)(seq - r->top) > 0)
		return true;
	return behind < REPLAY_WINDOW && !bit_get(r, behind);
}

/* Moves the window up by n: bit i becomes bit i + n (a left shift of
 * the whole array, word by word). */
static void
shift_window(struct replay *r, uint32_t n)
{
	const int words = REPLAY_WINDOW / 64;
	uint32_t ws = n / 64, bs = n % 64;
	int j;

	if (n >= REPLAY_WINDOW) {
		memset(r->seen, 0, sizeof r->seen);
		return;
	}
	for (j = words - 1; j >= 0; j--) {
		uint64_t v = 0;
		int from = j - (int)ws;

		if (from >= 0)
			v = r->seen[from] << bs;
		if (from >= 1 && bs != 0)
			v |= r->seen[from - 1] >> (64 - bs);
		r->seen[j] = v;
	}
}

void
replay_accept(struct replay *r, uint32_t seq)
{
	if (!r->started) {
		r->started = true;
		r->top = seq;
		memset(r->seen, 0, sizeof r->seen);
	} else if ((int32_t)(seq - r->top) > 0) {
		shift_window(r, seq - r->top);
		r->top = seq;
	} else if (r->top - seq >= REPLAY_WINDOW)
		return;
	bit_set(r, r->top - seq);
}
