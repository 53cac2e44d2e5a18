/*
 * capture_ladder.h: the Capture pane's ladder: punchline's mesh datagrams
 * among the packets kept, as a sequence diagram drawn from the ladder
 * model (src/capture/ladder.h). Captured in the lab (--capture-lab), a
 * column per role (alice, nat-a, rendezvous, nat-b, bob) and an arrow per
 * datagram, however many places saw it, labelled with its type and the
 * sender's address before and after its NAT; a datagram a NAT dropped
 * ends in an x at that NAT, one lost on the way in a ?. Elsewhere a column
 * per endpoint (address:port, named after the peer whose hello came from
 * it) and the type alone. Newest at the bottom. Works the same on a live
 * capture and a saved one.
 */
#ifndef UI_CAPTURE_LADDER_H
#define UI_CAPTURE_LADDER_H

#include <curses.h>

#include "../protocols/dissect.h"
#include "../src/capture/capture_ring.h"
#include "../src/capture/ladder.h"

/* Draws into rows y .. y+h-1 of win; scratch is any dissect to reuse;
 * roles NULL: a column per endpoint. */
void	 capture_ladder_draw(WINDOW *, int y, int h, int w,
	     const struct capture_ring *, struct dissect *scratch,
	     const struct ladder_roles *roles);

#endif
