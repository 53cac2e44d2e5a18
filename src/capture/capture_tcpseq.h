/*
 * capture_tcpseq.h: TCP sequence numbers relative to the start of each
 * conversation, as `tcpdump` prints them without -S. A conversation is
 * recorded at its first packet with ACK set (both directions share one
 * entry), and again at a SYN; until then the numbers stay absolute.
 * The table holds at most TCPSEQ_MAX conversations; past that, new ones
 * print absolute numbers.
 */
#ifndef CAPTURE_CAPTURE_TCPSEQ_H
#define CAPTURE_CAPTURE_TCPSEQ_H

#include <stdbool.h>
#include <stdint.h>

#include "../../protocols/dissect.h"

#define TCPSEQ_MAX	(1u << 20)

struct tcpseq;

/* What to print for one segment; the bases also shift SACK edges. */
struct tcpseq_view {
	uint32_t	 seq, ack;
	uint32_t	 base_seq, base_ack;	/* of the recorded entry */
	bool		 reversed;		/* the entry's other direction */
};

struct tcpseq	*tcpseq_new(void);
void		 tcpseq_free(struct tcpseq *);
/* The numbers to print for a TCP header under this IP layer. */
void		 tcpseq_view(struct tcpseq *, const struct dissect_layer *ip,
		     const struct tcp_hdr *, struct tcpseq_view *);

#endif
