/*
 * reader.h: a bounds-checked cursor over untrusted bytes.
 *
 * Every parser in protocols/ reads packet bytes only through this cursor.
 * Reading past the end returns 0 and sets the sticky `truncated` flag, so a
 * decoder can read a whole header and check the flag once at the end.
 * rd_ne* read in the host's byte order, for kernel structures such as
 * netlink messages, which are not in network byte order.
 */
#ifndef PROTOCOLS_READER_H
#define PROTOCOLS_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

struct reader {
	const uint8_t	*start;
	size_t		 pos;
	size_t		 end;
	bool		 truncated;
};

void		 rd_init(struct reader *, const void *buf, size_t len);
size_t		 rd_left(const struct reader *);
uint8_t		 rd_u8(struct reader *);
uint16_t	 rd_be16(struct reader *);
uint32_t	 rd_be32(struct reader *);
uint64_t	 rd_be64(struct reader *);
uint16_t	 rd_ne16(struct reader *);
uint32_t	 rd_ne32(struct reader *);
uint64_t	 rd_ne64(struct reader *);
bool		 rd_bytes(struct reader *, void *dst, size_t len);
bool		 rd_skip(struct reader *, size_t len);
struct reader	 rd_sub(struct reader *, size_t len);

#endif
