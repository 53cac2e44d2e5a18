/*
 * ipv6.h: the IPv6 header (RFC 8200) and its chain of extension headers.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+---------------+---------------------------------------+
 * |Version| Traffic Class |              Flow Label               |
 * +-------+---------------+-------+---------------+---------------+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-------------------------------+---------------+---------------+
 * |                  Source Address (128 bits)                    |
 * +---------------------------------------------------------------+
 * |               Destination Address (128 bits)                  |
 * +---------------------------------------------------------------+
 *
 * Extension header (hop-by-hop 0, routing 43, destination options 60,
 * mobility 135: length in 8-byte units not counting the first 8; AH 51:
 * in 4-byte units minus 2; fragment 44: always 8 bytes):
 * +---------------+---------------+-------------------------------+
 * |  Next Header  |  Hdr Ext Len  |     type-specific data ...    |
 * +---------------+---------------+-------------------------------+
 * Fragment: | Next Header | reserved | Offset (13) |Res|M| | Identification (32) |
 *
 * ipv6_decode walks the chain to the upper-layer protocol (TCP, UDP,
 * ICMPv6, ESP, ...) or to "no next header" (59); a fragment other than the
 * first stops the walk, for what follows is no header.
 */
#ifndef PROTOCOLS_IPV6_H
#define PROTOCOLS_IPV6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define IPV6_HDR_LEN	40
#define IPV6_EXT_MAX	8	/* more is refused as malformed */

#define IPV6_NH_HOPOPT	0
#define IPV6_NH_ROUTING	43
#define IPV6_NH_FRAGMENT 44
#define IPV6_NH_ESP	50
#define IPV6_NH_AH	51
#define IPV6_NH_NONE	59
#define IPV6_NH_DSTOPT	60
#define IPV6_NH_MOBILITY 135

struct ipv6_ext {
	uint8_t		 type;		/* IPV6_NH_* of this header */
	uint16_t	 len;		/* bytes */
};

struct ipv6_hdr {
	uint8_t		 version;
	uint8_t		 traffic_class;
	uint32_t	 flow_label;
	uint16_t	 declared_len;	/* Payload Length, as the header says */
	uint8_t		 next_header;	/* the first one, after the fixed header */
	uint8_t		 hop_limit;
	uint8_t		 src[16];
	uint8_t		 dst[16];
	size_t		 ext_count;
	struct ipv6_ext	 ext[IPV6_EXT_MAX];
	uint8_t		 protocol;	/* the upper layer, after the chain */
	bool		 fragment;	/* a fragment header was seen */
	uint16_t	 frag_offset;	/* bytes */
	bool		 frag_more;
	uint32_t	 frag_id;
	const uint8_t	*payload;	/* the upper layer, inside buf; or NULL */
	size_t		 payload_len;	/* bytes at hand */
	bool		 payload_cut;	/* fewer bytes than Payload Length says */
};

enum decode_status ipv6_decode(const uint8_t *buf, size_t len,
		     struct ipv6_hdr *out);
bool		 ipv6_is_later_fragment(const struct ipv6_hdr *);

#endif
