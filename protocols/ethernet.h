/*
 * ethernet.h: Ethernet II frames (IEEE 802.3) with 802.1Q / 802.1ad VLAN
 * tags, as libpcap gives them for DLT_EN10MB (no preamble, no FCS).
 *
 * +-------------------+-------------------+----------+-----------+
 * | destination (6)   | source (6)        | type (2) | payload   |
 * +-------------------+-------------------+----------+-----------+
 * with tags:          ... source | 0x8100 | PCP DEI VID (2) | type ...
 *
 * A type field below 0x0600 is an 802.3 length (LLC follows): ethertype
 * is then 0 and payload is the LLC part.
 */
#ifndef PROTOCOLS_ETHERNET_H
#define PROTOCOLS_ETHERNET_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define ETHER_HDR_LEN	14
#define ETHER_VLAN_MAX	2

#define ETHERTYPE_IPV4	0x0800
#define ETHERTYPE_ARP	0x0806
#define ETHERTYPE_VLAN	0x8100
#define ETHERTYPE_QINQ	0x88a8
#define ETHERTYPE_IPV6	0x86dd

struct ether_hdr {
	uint8_t		 dst[6];
	uint8_t		 src[6];
	size_t		 vlan_count;
	uint16_t	 vlan_id[ETHER_VLAN_MAX];	/* outermost first */
	uint8_t		 vlan_pcp[ETHER_VLAN_MAX];
	uint16_t	 ethertype;	/* of the payload; 0 for 802.3 + LLC */
	uint16_t	 length_8023;	/* the 802.3 length field, if any */
	const uint8_t	*payload;	/* inside buf, or NULL */
	size_t		 payload_len;
};

enum decode_status ether_decode(const uint8_t *buf, size_t len,
		     struct ether_hdr *out);

#endif
