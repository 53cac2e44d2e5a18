/*
 * sll.h: the Linux "cooked" capture headers libpcap writes for "any" and
 * for links without a usable link header: SLL (DLT_LINUX_SLL, 16 bytes)
 * and SLL2 (DLT_LINUX_SLL2, 20 bytes). See pcap-linktype(7).
 *
 * SLL:  | packet type (2) | ARPHRD type (2) | addr len (2) | addr (8) | protocol (2) |
 * SLL2: | protocol (2) | reserved (2) | interface index (4) | ARPHRD type (2) |
 *       | packet type (1) | addr len (1) | addr (8) |
 *
 * Packet type: 0 to us, 1 broadcast, 2 multicast, 3 to someone else,
 * 4 sent by us. The protocol is an ethertype.
 */
#ifndef PROTOCOLS_SLL_H
#define PROTOCOLS_SLL_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define SLL_HDR_LEN	16
#define SLL2_HDR_LEN	20

#define SLL_HOST	0
#define SLL_BROADCAST	1
#define SLL_MULTICAST	2
#define SLL_OTHERHOST	3
#define SLL_OUTGOING	4

struct sll_hdr {
	uint16_t	 packet_type;
	uint16_t	 arphrd;
	uint16_t	 addr_len;	/* as given; at most 8 bytes are kept */
	uint8_t		 addr[8];
	uint16_t	 protocol;	/* ethertype */
	uint32_t	 ifindex;	/* SLL2 only; 0 for SLL */
	const uint8_t	*payload;
	size_t		 payload_len;
};

enum decode_status sll_decode(const uint8_t *buf, size_t len,
		     struct sll_hdr *out);
enum decode_status sll2_decode(const uint8_t *buf, size_t len,
		     struct sll_hdr *out);
/* "In", "Out", "B", "M", "P" as tcpdump marks directions. */
const char	*sll_direction(uint16_t packet_type);

#endif
