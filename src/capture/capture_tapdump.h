/*
 * capture_tapdump.h: one pcap file for several handles at once (--lab).
 * Every packet is kept as LINUX_SLL2, its interface index field set to
 * the number of the place it was seen (1 for the first tap of the lab's
 * list, 0 for a place not in it), so a file read back names each
 * packet's place again. The handles must deliver SLL2 ("any").
 */
#ifndef CAPTURE_CAPTURE_TAPDUMP_H
#define CAPTURE_CAPTURE_TAPDUMP_H

#include <stddef.h>
#include <stdint.h>

#include "capture_pkt.h"

struct tapdump;

struct tapdump	*tapdump_open(const char *path, int snaplen, char *err,
		     size_t errlen);
/* False if the packet is not SLL2 (and so not written). */
int		 tapdump_write(struct tapdump *, const struct capture_pkt *,
		     uint32_t tap);
void		 tapdump_flush(struct tapdump *);
void		 tapdump_close(struct tapdump *);
/* Read back, capture_pkt_ifindex() is the place's number again. */

#endif
