/*
 * ip_header.h: the fixed parts of an IPv4 header (RFC 791) and of an IPv6
 * header (RFC 8200) that the probe engines need: protocol, TTL or hop
 * limit, addresses; the reader is left at the payload. The parsing is
 * ipv4_decode's and ipv6_decode's (ipv4.h, ipv6.h): these only adapt it
 * to a reader and struct probe_addr.
 *
 *  IPv4:
 *  +-------+-------+---------------+-------------------------------+
 *  |Version|  IHL  |    DSCP/ECN   |          Total Length         |
 *  |         Identification        |Flags|    Fragment Offset      |
 *  |  Time to Live |   Protocol    |        Header Checksum        |
 *  |                       Source Address                          |
 *  |                    Destination Address                        |
 *  |                    Options (IHL > 5)                          |
 *  IPv6:
 *  |Version| Traffic Class |             Flow Label                |
 *  |        Payload Length         |  Next Header  |   Hop Limit   |
 *  |              Source Address (16)  Destination Address (16)    |
 */
#ifndef PROTOCOLS_IP_HEADER_H
#define PROTOCOLS_IP_HEADER_H

#include <stdbool.h>
#include <stdint.h>

#include "icmp_error.h"
#include "reader.h"

/* False if not IPv4 (IHL < 5, Total Length < IHL) or cut short. ttl may
 * be NULL. */
bool	 ip_header_read4(struct reader *, uint8_t *proto, uint8_t *ttl,
	     struct probe_addr *src, struct probe_addr *dst);
/* False if not IPv6, cut short, or a later fragment. Extension headers
 * are stepped over: proto is the upper layer's. hops may be NULL. */
bool	 ip_header_read6(struct reader *, uint8_t *proto, uint8_t *hops,
	     struct probe_addr *src, struct probe_addr *dst);

#endif
