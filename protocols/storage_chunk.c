/* storage_chunk.c: our chunk header in an echo payload (see storage_chunk.h). */
#include <string.h>

#include "reader.h"
#include "storage_chunk.h"
#include "writer.h"

#define CRC32C_POLY	0x82f63b78u	/* reflected Castagnoli */

uint32_t
storage_crc32c(uint32_t crc, const uint8_t *p, size_t len)
{
	size_t i;
	int bit;

	crc = ~crc;
	for (i = 0; i < len; i++) {
		crc ^= p[i];
		for (bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (CRC32C_POLY & (0u - (crc & 1)));
	}
	return ~crc;
}

/* What a well-formed chunk may hold, for builder and parser alike. */
static bool
fields_valid(const struct storage_chunk *c)
{
	if (c->kind > STORAGE_PARITY || c->k == 0 || c->len > STORAGE_CHUNK_MAX)
		return false;
	if (c->kind == STORAGE_DATA)
		return c->index < c->count && c->index / c->k == c->group;
	return c->m > 0 && c->index < c->m && c->len == STORAGE_CHUNK_MAX &&
	    (uint32_t)c->group * c->k < c->count;
}

static void
write_header(struct writer *w, const struct storage_chunk *c)
{
	wr_be32(w, STORAGE_CHUNK_MAGIC);
	wr_u8(w, STORAGE_CHUNK_VERSION);
	wr_u8(w, c->kind);
	wr_u8(w, c->k);
	wr_u8(w, c->m);
	wr_be32(w, c->file_id);
	wr_be16(w, c->index);
	wr_be16(w, c->group);
	wr_be16(w, c->count);
	wr_be16(w, c->len);
	wr_be32(w, c->file_size);
}

size_t
storage_chunk_build(uint8_t *out, size_t outlen, const struct storage_chunk *c,
    const uint8_t *payload)
{
	struct writer w;
	uint32_t crc;

	if (!fields_valid(c))
		return 0;
	wr_init(&w, out, outlen);
	write_header(&w, c);
	if (w.overflow)
		return 0;
	crc = storage_crc32c(0, out, w.pos);
	crc = storage_crc32c(crc, payload, c->len);
	wr_be32(&w, crc);
	wr_bytes(&w, payload, c->len);
	return w.overflow ? 0 : w.pos;
}

enum storage_chunk_status
storage_chunk_parse(const uint8_t *buf, size_t len, struct storage_chunk *c)
{
	struct reader rd;
	uint32_t crc;

	memset(c, 0, sizeof *c);
	rd_init(&rd, buf, len);
	if (rd_be32(&rd) != STORAGE_CHUNK_MAGIC)
		return rd.truncated ? STORAGE_CHUNK_TRUNCATED : STORAGE_CHUNK_NOT_OURS;
	c->version = rd_u8(&rd);
	c->kind = rd_u8(&rd);
	c->k = rd_u8(&rd);
	c->m = rd_u8(&rd);
	c->file_id = rd_be32(&rd);
	c->index = rd_be16(&rd);
	c->group = rd_be16(&rd);
	c->count = rd_be16(&rd);
	c->len = rd_be16(&rd);
	c->file_size = rd_be32(&rd);
	c->crc = rd_be32(&rd);
	if (rd.truncated)
		return STORAGE_CHUNK_TRUNCATED;
	if (c->version != STORAGE_CHUNK_VERSION)
		return STORAGE_CHUNK_BAD_VERSION;
	if (!fields_valid(c))
		return STORAGE_CHUNK_BAD_FIELDS;
	if (rd_left(&rd) < c->len)
		return STORAGE_CHUNK_TRUNCATED;
	c->payload = rd.start + rd.pos;
	/* The header before the CRC, then the payload. */
	crc = storage_crc32c(0, rd.start, STORAGE_CHUNK_HDR - 4);
	crc = storage_crc32c(crc, c->payload, c->len);
	return crc == c->crc ? STORAGE_CHUNK_OK : STORAGE_CHUNK_BAD_CHECKSUM;
}

const char *
storage_chunk_status_name(enum storage_chunk_status s)
{
	switch (s) {
	case STORAGE_CHUNK_OK:		return "ok";
	case STORAGE_CHUNK_TRUNCATED:	return "truncated";
	case STORAGE_CHUNK_NOT_OURS:	return "not a storage chunk";
	case STORAGE_CHUNK_BAD_VERSION:	return "unknown version";
	case STORAGE_CHUNK_BAD_FIELDS:	return "impossible fields";
	case STORAGE_CHUNK_BAD_CHECKSUM: return "checksum mismatch";
	}
	return "?";
}
