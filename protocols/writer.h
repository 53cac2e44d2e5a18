/*
 * writer.h: the builder's twin of reader.h. Writes into a caller's buffer;
 * a write that does not fit writes nothing and sets the sticky `overflow`
 * flag, so a builder writes a whole message and checks once at the end.
 */
#ifndef PROTOCOLS_WRITER_H
#define PROTOCOLS_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct writer {
	uint8_t	*start;
	size_t	 pos;
	size_t	 end;
	bool	 overflow;
};

void	 wr_init(struct writer *, void *buf, size_t len);
void	 wr_u8(struct writer *, uint8_t);
void	 wr_be16(struct writer *, uint16_t);
void	 wr_be32(struct writer *, uint32_t);
void	 wr_be64(struct writer *, uint64_t);
void	 wr_bytes(struct writer *, const void *, size_t);
/* Overwrites 2 bytes at an earlier position (a length filled in later). */
void	 wr_patch_be16(struct writer *, size_t at, uint16_t);

#endif
