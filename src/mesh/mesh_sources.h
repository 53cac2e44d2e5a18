/*
 * mesh_sources.h: what the engine remembers per source address that is not
 * (yet) a peer: token buckets, so no address can make us do unbounded work
 * or use us as an amplifier, and whether we told the user already that it
 * speaks the other mode (sealed/plaintext). A fixed table: a flood from
 * many addresses evicts the oldest entries, never grows memory.
 */
#ifndef MESH_MESH_SOURCES_H
#define MESH_MESH_SOURCES_H

#include <stdbool.h>
#include <netinet/in.h>

#define SOURCES_SLOTS	256

struct bucket {
	double		 tokens;
	double		 last;		/* clock_mono of the last refill */
};

struct source {
	bool			 used;
	struct sockaddr_in6	 addr;
	double			 seen;		/* last datagram */
	struct bucket		 answers;	/* replies we may send it */
	struct bucket		 events;	/* rejected events we may log */
	bool			 told_mode;	/* mode mismatch reported */
};

struct sources {
	struct source		 slot[SOURCES_SLOTS];
};

/* The entry for addr, made (evicting the stalest nearby) if new. */
struct source	*sources_get(struct sources *, const struct sockaddr_in6 *,
		     double now);
/* Token bucket: true (and one token spent) if allowed now. */
bool		 bucket_take(struct bucket *, double now, double rate,
		     double burst);

#endif
