/*
 * capture_pkt.h: one captured packet as the engine hands it on: its number,
 * time, lengths and bytes, the link type that says how to decode them, and
 * where it was seen when a capture runs in several namespaces at once.
 */
#ifndef CAPTURE_CAPTURE_PKT_H
#define CAPTURE_CAPTURE_PKT_H

#include <stdint.h>
#include <sys/time.h>

/* "nat-b:wan0": the namespace's node and the interface; "rendezvous:eth0"
 * is the longest the lab needs (capture_place.h keeps the names). */
#define CAPTURE_WHERE_MAX	32

struct capture_pkt {
	uint64_t	 no;		/* 1 for the first packet */
	struct timeval	 ts;
	uint32_t	 len;		/* on the wire */
	uint32_t	 caplen;	/* bytes kept (snaplen) */
	uint32_t	 linktype;	/* LINKTYPE_* of protocols/dissect.h */
	const uint8_t	*data;
	const char	*where;		/* capture_place()'s, or NULL: one place */
};

/* Where the packet was seen, "" if the capture has one place only. */
static inline const char *
capture_pkt_where(const struct capture_pkt *p)
{
	return p->where != NULL ? p->where : "";
}

#define CAPTURE_SLL2		276	/* LINKTYPE_LINUX_SLL2 */
#define CAPTURE_SLL2_IFINDEX	4	/* its interface index, be32 */

/* The interface index of an SLL2 packet, 0 for any other. */
static inline uint32_t
capture_pkt_ifindex(const struct capture_pkt *p)
{
	const uint8_t *b = p->data + CAPTURE_SLL2_IFINDEX;

	if (p->linktype != CAPTURE_SLL2 || p->caplen < CAPTURE_SLL2_IFINDEX + 4)
		return 0;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

#endif
