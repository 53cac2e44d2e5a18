/*
 * ip_header.c: a probe reply's IP header (see ip_header.h), parsed by
 * ipv4_decode and ipv6_decode, the one parser of each header: this file
 * only hands on what the probe engines need and moves their reader past
 * the header.
 */
#include <string.h>

#include "ip_header.h"
#include "ipv4.h"
#include "ipv6.h"

static void
set_addr(struct probe_addr *a, const uint8_t *bytes, uint8_t family)
{
	memset(a, 0, sizeof *a);
	a->family = family;
	memcpy(a->a, bytes, family == 6 ? 16 : 4);
}

bool
ip_header_read4(struct reader *rd, uint8_t *proto, uint8_t *ttl,
    struct probe_addr *src, struct probe_addr *dst)
{
	struct ipv4_hdr ip;

	if (ipv4_decode(rd->start + rd->pos, rd_left(rd), &ip) != DECODE_OK)
		return false;
	*proto = ip.protocol;
	if (ttl != NULL)
		*ttl = ip.ttl;
	set_addr(src, ip.src, 4);
	set_addr(dst, ip.dst, 4);
	return rd_skip(rd, ip.header_len);
}

bool
ip_header_read6(struct reader *rd, uint8_t *proto, uint8_t *hops,
    struct probe_addr *src, struct probe_addr *dst)
{
	struct ipv6_hdr ip;
	size_t len = IPV6_HDR_LEN, i;

	if (ipv6_decode(rd->start + rd->pos, rd_left(rd), &ip) != DECODE_OK ||
	    ipv6_is_later_fragment(&ip))
		return false;	/* a later fragment carries no header to read */
	for (i = 0; i < ip.ext_count; i++)
		len += ip.ext[i].len;
	*proto = ip.protocol;
	if (hops != NULL)
		*hops = ip.hop_limit;
	set_addr(src, ip.src, 6);
	set_addr(dst, ip.dst, 6);
	return rd_skip(rd, len);
}
