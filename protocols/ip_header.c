/* ip_header.c: IPv4 and IPv6 fixed headers (see ip_header.h). */
#include <string.h>

#include "ip_header.h"

void
ip_header_addr(struct reader *rd, struct probe_addr *a, uint8_t family)
{
	memset(a, 0, sizeof *a);
	a->family = family;
	rd_bytes(rd, a->a, family == 6 ? 16 : 4);
}

bool
ip_header_read4(struct reader *rd, uint8_t *proto, uint8_t *ttl,
    struct probe_addr *src, struct probe_addr *dst)
{
	uint8_t vihl = rd_u8(rd), t;
	size_t ihl = (size_t)(vihl & 0x0f) * 4;

	if (vihl >> 4 != 4 || ihl < 20)
		return false;
	rd_skip(rd, 7);			/* tos, length, id, fragment */
	t = rd_u8(rd);
	*proto = rd_u8(rd);
	rd_skip(rd, 2);			/* checksum */
	ip_header_addr(rd, src, 4);
	ip_header_addr(rd, dst, 4);
	rd_skip(rd, ihl - 20);		/* options */
	if (ttl != NULL)
		*ttl = t;
	return !rd->truncated;
}

bool
ip_header_read6(struct reader *rd, uint8_t *proto, uint8_t *hops,
    struct probe_addr *src, struct probe_addr *dst)
{
	uint8_t version = rd_u8(rd) >> 4, h;

	rd_skip(rd, 5);			/* traffic class, flow label, length */
	*proto = rd_u8(rd);
	h = rd_u8(rd);
	ip_header_addr(rd, src, 6);
	ip_header_addr(rd, dst, 6);
	if (hops != NULL)
		*hops = h;
	return version == 6 && !rd->truncated;
}
