/*
 * capture_ladder.h: the Capture pane's ladder: punchline's mesh datagrams
 * among the packets kept, as a sequence diagram. A column per endpoint
 * (address:port, named after the peer whose hello came from it), a row per
 * datagram, newest at the bottom: an arrow from sender to receiver
 * labelled with its type (hello, introduce, probe, probe-ack, chat, ack,
 * keepalive...). Works the same on a live capture and a saved one.
 */
#ifndef UI_CAPTURE_LADDER_H
#define UI_CAPTURE_LADDER_H

#include <curses.h>

#include "../protocols/dissect.h"
#include "../src/capture/capture_ring.h"

#define LADDER_COLUMNS	6

/* Draws into rows y .. y+h-1 of win; scratch is any dissect to reuse. */
void	 capture_ladder_draw(WINDOW *, int y, int h, int w,
	     const struct capture_ring *, struct dissect *scratch);

#endif
