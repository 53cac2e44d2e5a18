/* capture_ring.c: the bounded ring of recent packets; see capture_ring.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "capture_ring.h"

struct slot {
	struct capture_pkt	 pkt;	/* pkt.data points at buf */
	uint8_t			*buf;
	uint32_t		 cap;
};

struct capture_ring {
	struct slot	*slot;
	size_t		 capacity;
	size_t		 head;		/* next slot to write */
	size_t		 count;
};

struct capture_ring *
capture_ring_new(size_t capacity)
{
	struct capture_ring *r;

	if (capacity == 0 || (r = calloc(1, sizeof *r)) == NULL)
		return NULL;
	if ((r->slot = calloc(capacity, sizeof *r->slot)) == NULL) {
		free(r);
		return NULL;
	}
	r->capacity = capacity;
	return r;
}

void
capture_ring_free(struct capture_ring *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->capacity; i++)
		free(r->slot[i].buf);
	free(r->slot);
	free(r);
}

bool
capture_ring_push(struct capture_ring *r, const struct capture_pkt *p)
{
	struct slot *s = &r->slot[r->head];
	uint8_t *nb;

	if (p->caplen > s->cap) {
		if ((nb = realloc(s->buf, p->caplen)) == NULL)
			return false;
		s->buf = nb;
		s->cap = p->caplen;
	}
	if (p->caplen > 0)
		memcpy(s->buf, p->data, p->caplen);
	s->pkt = *p;
	s->pkt.data = s->buf;
	r->head = (r->head + 1) % r->capacity;
	if (r->count < r->capacity)
		r->count++;
	return true;
}

size_t
capture_ring_count(const struct capture_ring *r)
{
	return r->count;
}

size_t
capture_ring_capacity(const struct capture_ring *r)
{
	return r->capacity;
}

const struct capture_pkt *
capture_ring_get(const struct capture_ring *r, size_t i)
{
	size_t oldest = (r->head + r->capacity - r->count) % r->capacity;

	if (i >= r->count)
		return NULL;
	return &r->slot[(oldest + i) % r->capacity].pkt;
}

void
capture_ring_clear(struct capture_ring *r)
{
	r->head = 0;
	r->count = 0;
}

size_t
capture_ring_memory(const struct capture_ring *r)
{
	size_t i, n = sizeof *r + r->capacity * sizeof *r->slot;

	for (i = 0; i < r->capacity; i++)
		n += r->slot[i].cap;
	return n;
}

long
capture_ring_save(const struct capture_ring *r, const char *path, char *err,
    size_t errlen)
{
	const struct capture_pkt *first = capture_ring_get(r, 0), *p;
	struct pcap_pkthdr h;
	pcap_dumper_t *d;
	pcap_t *dead;
	size_t i;
	long n = 0;

	if (first == NULL) {
		snprintf(err, errlen, "no packets to save");
		return -1;
	}
	if ((dead = pcap_open_dead((int)first->linktype, 262144)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if ((d = pcap_dump_open(dead, path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, pcap_geterr(dead));
		pcap_close(dead);
		return -1;
	}
	for (i = 0; (p = capture_ring_get(r, i)) != NULL; i++) {
		if (p->linktype != first->linktype)
			continue;
		h.ts = p->ts;
		h.caplen = p->caplen;
		h.len = p->len;
		pcap_dump((u_char *)d, &h, p->data);
		n++;
	}
	pcap_dump_close(d);
	pcap_close(dead);
	return n;
}
