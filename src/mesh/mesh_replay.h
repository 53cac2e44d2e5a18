/*
 * mesh_replay.h: a sliding replay window over a sender's sequence numbers
 * (the scheme of IPsec, RFC 4303 section 3.4.3): a datagram is fresh if
 * its number is above the highest seen, or within the window below it and
 * not seen yet. Numbers compare as serial numbers, so they may wrap.
 */
#ifndef MESH_MESH_REPLAY_H
#define MESH_MESH_REPLAY_H

#include <stdbool.h>
#include <stdint.h>

#define REPLAY_WINDOW	512	/* a window of 128 fragments, with room */

struct replay {
	bool		 started;
	uint32_t	 top;		/* highest number accepted */
	uint64_t	 seen[REPLAY_WINDOW / 64];	/* bit i: top - i */
};

bool	 replay_fresh(const struct replay *, uint32_t seq);
/* Marks seq seen; call only after the datagram authenticated. */
void	 replay_accept(struct replay *, uint32_t seq);

#endif
