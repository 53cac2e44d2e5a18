/*
 * inet_csum.c: RFC 1071 one's-complement sum of 16-bit big-endian words.
 *
 * IPv4 pseudo-header (12 bytes)      IPv6 pseudo-header (40 bytes)
 * +--------+--------+--------+----+  +------------------------------+
 * |        source address         |  |   source address (16)        |
 * +--------+--------+--------+----+  +------------------------------+
 * |      destination address      |  |   destination address (16)   |
 * +--------+--------+--------+----+  +------------------------------+
 * |  zero  | proto  |   length    |  |   upper-layer length (32)    |
 * +--------+--------+-------------+  +-------------------+----------+
 *                                    |   zero (24)       | next hdr |
 *                                    +-------------------+----------+
 */
#include "inet_csum.h"

uint32_t
inet_csum_add(uint32_t sum, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint64_t acc = sum;	/* 64 bits: no carry is lost on long buffers */
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		acc += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		acc += (uint32_t)p[len - 1] << 8;	/* pad with a zero byte */
	while (acc >> 32)
		acc = (acc & 0xffffffffu) + (acc >> 32);
	return (uint32_t)acc;
}

uint16_t
inet_csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t
inet_csum(const void *buf, size_t len)
{
	return inet_csum_fold(inet_csum_add(0, buf, len));
}

uint32_t
inet_pseudo4(const uint8_t src[4], const uint8_t dst[4], uint8_t proto,
    uint16_t len)
{
	uint8_t tail[4] = { 0, proto, (uint8_t)(len >> 8), (uint8_t)len };
	uint32_t sum;

	sum = inet_csum_add(0, src, 4);
	sum = inet_csum_add(sum, dst, 4);
	return inet_csum_add(sum, tail, sizeof tail);
}

uint32_t
inet_pseudo6(const uint8_t src[16], const uint8_t dst[16],
    uint8_t next_header, uint32_t len)
{
	uint8_t tail[8] = { (uint8_t)(len >> 24), (uint8_t)(len >> 16),
	    (uint8_t)(len >> 8), (uint8_t)len, 0, 0, 0, next_header };
	uint32_t sum;

	sum = inet_csum_add(0, src, 16);
	sum = inet_csum_add(sum, dst, 16);
	return inet_csum_add(sum, tail, sizeof tail);
}
