/*
 * capture_ring.h: the last N packets in memory (bounded: the oldest goes
 * when a new one comes), for the pane's list and for saving to a file.
 * Each slot keeps its bytes in a buffer it reuses, so a full ring costs no
 * allocation per packet.
 */
#ifndef CAPTURE_CAPTURE_RING_H
#define CAPTURE_CAPTURE_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture_pkt.h"

#define CAPTURE_RING_DEFAULT	10000

struct capture_ring;

struct capture_ring	*capture_ring_new(size_t capacity);
void			 capture_ring_free(struct capture_ring *);
/* Copies the packet (its caplen bytes) in; false if out of memory. */
bool			 capture_ring_push(struct capture_ring *,
			     const struct capture_pkt *);
size_t			 capture_ring_count(const struct capture_ring *);
size_t			 capture_ring_capacity(const struct capture_ring *);
/* The i-th packet kept, 0 the oldest; NULL past the end. */
const struct capture_pkt *capture_ring_get(const struct capture_ring *,
			     size_t i);
void			 capture_ring_clear(struct capture_ring *);
/* Bytes the ring holds (slots and packet buffers), for the benchmark. */
size_t			 capture_ring_memory(const struct capture_ring *);
/* Writes the packets kept, oldest first, to a pcap file. Packets of
 * another link type than the first are left out (a pcap file holds one);
 * returns how many were written, or -1 with the reason in err. */
long			 capture_ring_save(const struct capture_ring *,
			     const char *path, char *err, size_t errlen);

#endif
