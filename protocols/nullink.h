/*
 * nullink.h: the BSD loopback link headers (pcap-linktype(7)): DLT_NULL, a
 * 4-byte address family in the byte order of the host that captured, and
 * DLT_LOOP, the same in network order.
 *
 * +-----------------------------+----------------------+
 * | address family (4 bytes)    | IPv4 or IPv6 packet  |
 * +-----------------------------+----------------------+
 *
 * AF_INET is 2 everywhere; AF_INET6 is 24, 28 or 30 depending on the BSD
 * (10 on Linux). The family is read in both byte orders, as the file does
 * not say which host wrote it.
 */
#ifndef PROTOCOLS_NULLINK_H
#define PROTOCOLS_NULLINK_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define NULLINK_HDR_LEN	4

struct nullink_hdr {
	uint32_t	 family;	/* as read, normalised to a small value */
	uint16_t	 ethertype;	/* IPv4 or IPv6; 0 when unknown */
	const uint8_t	*payload;
	size_t		 payload_len;
};

enum decode_status nullink_decode(const uint8_t *buf, size_t len,
		     struct nullink_hdr *out);

#endif
