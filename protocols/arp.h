/*
 * arp.h: ARP for IPv4 over Ethernet (RFC 826); other hardware or
 * protocol types keep only the fixed part.
 *
 * +---------------------------+---------------------------+
 * | hardware type (1 = Eth)   | protocol type (0x0800)    |
 * +-------------+-------------+---------------------------+
 * | hw len (6)  | proto len(4)| operation (1 req, 2 reply)|
 * +-------------+-------------+---------------------------+
 * | sender hardware address | sender protocol address     |
 * | target hardware address | target protocol address     |
 * +---------------------------------------------------------+
 */
#ifndef PROTOCOLS_ARP_H
#define PROTOCOLS_ARP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define ARP_REQUEST	1
#define ARP_REPLY	2

struct arp_msg {
	uint16_t	 hw_type;
	uint16_t	 proto_type;
	uint8_t		 hw_len;
	uint8_t		 proto_len;
	uint16_t	 op;
	bool		 is_ether_ipv4;	/* the addresses below are filled */
	uint8_t		 sender_mac[6];
	uint8_t		 sender_ip[4];
	uint8_t		 target_mac[6];
	uint8_t		 target_ip[4];
};

enum decode_status arp_decode(const uint8_t *buf, size_t len,
		     struct arp_msg *out);

#endif
