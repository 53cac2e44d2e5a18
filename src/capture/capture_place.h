/*
 * capture_place.h: the names of the places a packet can be seen at
 * ("nat-b:wan0": a namespace's node and an interface), each kept once for
 * the life of the process. A packet carries a pointer to its place, not
 * the name, so a million packets in the ring do not carry a million
 * copies, and a packet kept after its handle was closed still names it.
 */
#ifndef CAPTURE_CAPTURE_PLACE_H
#define CAPTURE_CAPTURE_PLACE_H

/* "node:ifname", each part cut to fit CAPTURE_WHERE_MAX; "" when the
 * table is full (CAPTURE_PLACES_MAX names: 8 handles of 16 interfaces). */
const char	*capture_place(const char *node, const char *ifname);

#define CAPTURE_PLACES_MAX	128

#endif
