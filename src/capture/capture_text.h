/*
 * capture_text.h: one line per packet, the way `tcpdump -nn -S` writes it:
 * "12:00:00.000001 IP 127.0.0.1.40000 > 127.0.0.1.53: 4660+ A? a.lan. (23)".
 * Sequence numbers are absolute (tcpdump's -S); punchline's own mesh
 * datagrams are named ("mesh hello ...") where tcpdump says "UDP".
 */
#ifndef CAPTURE_CAPTURE_TEXT_H
#define CAPTURE_CAPTURE_TEXT_H

#include "../../protocols/dissect.h"
#include "../core/strbuf.h"
#include "capture_pkt.h"

struct tcpseq;

/* Appends the line (no newline) for a packet and its dissection; seqs
 * (capture_tcpseq.h) makes TCP numbers relative, NULL leaves them. */
void	 capture_text_line(struct strbuf *, const struct capture_pkt *,
	     const struct dissect *, struct tcpseq *seqs);
/* The part after the addresses ("Flags [S], seq ...", "UDP, length 5"),
 * for the pane's summary column (absolute numbers). */
void	 capture_text_summary(struct strbuf *, const struct capture_pkt *,
	     const struct dissect *);

#endif
