/* writer.c: bounded writes into a caller's buffer. */
#include <string.h>

#include "writer.h"

void
wr_init(struct writer *wr, void *buf, size_t len)
{
	wr->start = buf;
	wr->pos = 0;
	wr->end = buf == NULL ? 0 : len;
	wr->overflow = false;
}

static uint8_t *
room(struct writer *wr, size_t len)
{
	uint8_t *p;

	if (wr->overflow || len > wr->end - wr->pos) {
		wr->overflow = true;
		return NULL;
	}
	p = wr->start + wr->pos;
	wr->pos += len;
	return p;
}

void
wr_u8(struct writer *wr, uint8_t v)
{
	uint8_t *p = room(wr, 1);

	if (p != NULL)
		p[0] = v;
}

void
wr_be16(struct writer *wr, uint16_t v)
{
	uint8_t *p = room(wr, 2);

	if (p != NULL) {
		p[0] = (uint8_t)(v >> 8);
		p[1] = (uint8_t)v;
	}
}

void
wr_be32(struct writer *wr, uint32_t v)
{
	wr_be16(wr, (uint16_t)(v >> 16));
	wr_be16(wr, (uint16_t)v);
}

void
wr_be64(struct writer *wr, uint64_t v)
{
	wr_be32(wr, (uint32_t)(v >> 32));
	wr_be32(wr, (uint32_t)v);
}

void
wr_bytes(struct writer *wr, const void *src, size_t len)
{
	uint8_t *p = room(wr, len);

	if (p != NULL && len > 0)
		memcpy(p, src, len);
}

void
wr_patch_be16(struct writer *wr, size_t at, uint16_t v)
{
	if (wr->overflow || at + 2 > wr->pos)
		return;
	wr->start[at] = (uint8_t)(v >> 8);
	wr->start[at + 1] = (uint8_t)v;
}
