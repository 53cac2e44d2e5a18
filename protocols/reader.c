/* reader.c: the bounds-checked cursor every decoder reads through. */
#include <string.h>

#include "reader.h"

void
rd_init(struct reader *rd, const void *buf, size_t len)
{
	rd->start = buf;
	rd->pos = 0;
	rd->end = buf == NULL ? 0 : len;
	rd->truncated = false;
}

size_t
rd_left(const struct reader *rd)
{
	return rd->end - rd->pos;
}

/* Claim len bytes; on a short buffer, consume the rest and mark truncated. */
static const uint8_t *
take(struct reader *rd, size_t len)
{
	const uint8_t *p;

	if (rd->truncated || len > rd_left(rd)) {
		rd->truncated = true;
		rd->pos = rd->end;
		return NULL;
	}
	p = rd->start + rd->pos;
	rd->pos += len;
	return p;
}

uint8_t
rd_u8(struct reader *rd)
{
	const uint8_t *p = take(rd, 1);

	return p == NULL ? 0 : p[0];
}

uint16_t
rd_be16(struct reader *rd)
{
	const uint8_t *p = take(rd, 2);

	return p == NULL ? 0 : (uint16_t)(p[0] << 8 | p[1]);
}

uint32_t
rd_be32(struct reader *rd)
{
	const uint8_t *p = take(rd, 4);

	if (p == NULL)
		return 0;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

uint64_t
rd_be64(struct reader *rd)
{
	uint64_t hi = rd_be32(rd);

	return hi << 32 | rd_be32(rd);
}

/* Host byte order: the kernel's own structures (netlink). */
uint16_t
rd_ne16(struct reader *rd)
{
	uint16_t v = 0;
	const uint8_t *p = take(rd, sizeof v);

	if (p != NULL)
		memcpy(&v, p, sizeof v);
	return v;
}

uint32_t
rd_ne32(struct reader *rd)
{
	uint32_t v = 0;
	const uint8_t *p = take(rd, sizeof v);

	if (p != NULL)
		memcpy(&v, p, sizeof v);
	return v;
}

uint64_t
rd_ne64(struct reader *rd)
{
	uint64_t v = 0;
	const uint8_t *p = take(rd, sizeof v);

	if (p != NULL)
		memcpy(&v, p, sizeof v);
	return v;
}

bool
rd_bytes(struct reader *rd, void *dst, size_t len)
{
	const uint8_t *p = take(rd, len);

	if (p == NULL) {
		memset(dst, 0, len);
		return false;
	}
	memcpy(dst, p, len);
	return true;
}

bool
rd_skip(struct reader *rd, size_t len)
{
	return take(rd, len) != NULL;
}

/*
 * An inner layer: a reader over the next len bytes, which the outer reader
 * steps over. If fewer bytes are left, the inner reader gets what there is
 * and starts out truncated, so the inner decoder still sees a short layer.
 */
struct reader
rd_sub(struct reader *rd, size_t len)
{
	struct reader sub;
	size_t have = rd->truncated ? 0 : rd_left(rd);
	size_t n = len < have ? len : have;

	rd_init(&sub, rd->start == NULL ? NULL : rd->start + rd->pos, n);
	sub.truncated = n < len;
	rd->pos += n;
	if (n < len)
		rd->truncated = true;
	return sub;
}
