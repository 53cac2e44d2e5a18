/*
 * icmpv6.h: ICMPv6 (RFC 4443) and the neighbor discovery messages' header
 * words (RFC 4861).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+-------------------------------+
 * |     Type      |     Code      |          Checksum             |
 * +---------------+---------------+-------------------------------+
 * | echo:            Identifier   |        Sequence Number        |
 * | packet too big:  MTU (32 bits)                                |
 * | param problem:   Pointer (32 bits)                            |
 * | unreachable, time exceeded: unused                            |
 * +---------------------------------------------------------------+
 * | errors: as much of the invoking packet as fits (IPv6 header,  |
 * | extension headers, transport header); NS/NA: target address  |
 * +---------------------------------------------------------------+
 *
 * The checksum covers an IPv6 pseudo-header, so icmpv6_decode does not
 * check it: icmpv6_checksum_ok does, given the addresses.
 */
#ifndef PROTOCOLS_ICMPV6_H
#define PROTOCOLS_ICMPV6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"
#include "ip_quote.h"

#define ICMPV6_HDR_LEN		8

#define ICMPV6_UNREACH		1
#define ICMPV6_PACKET_TOO_BIG	2
#define ICMPV6_TIME_EXCEEDED	3
#define ICMPV6_PARAM_PROBLEM	4
#define ICMPV6_ECHO		128
#define ICMPV6_ECHO_REPLY	129
#define ICMPV6_ROUTER_SOL	133
#define ICMPV6_ROUTER_ADV	134
#define ICMPV6_NEIGHBOR_SOL	135
#define ICMPV6_NEIGHBOR_ADV	136
#define ICMPV6_REDIRECT		137

#define ICMPV6_UNREACH_NOROUTE	0
#define ICMPV6_UNREACH_ADMIN	1
#define ICMPV6_UNREACH_SCOPE	2
#define ICMPV6_UNREACH_ADDR	3
#define ICMPV6_UNREACH_PORT	4
#define ICMPV6_UNREACH_POLICY	5
#define ICMPV6_UNREACH_REJECT	6

struct icmpv6_msg {
	uint8_t		 type;
	uint8_t		 code;
	uint16_t	 checksum;
	uint16_t	 id;		/* echo */
	uint16_t	 seq;
	uint32_t	 mtu;		/* packet too big */
	uint32_t	 pointer;	/* parameter problem */
	bool		 has_target;	/* neighbor solicitation/advertisement */
	uint8_t		 target[16];
	uint8_t		 na_flags;	/* R S O, top bits of the word */
	bool		 is_error;	/* types below 128 */
	bool		 has_quote;
	enum decode_status quote_status;
	struct ip_quote	 quote;
	const uint8_t	*data;		/* after the 8-byte header, or NULL */
	size_t		 data_len;
};

enum decode_status icmpv6_decode(const uint8_t *buf, size_t len,
		     struct icmpv6_msg *out);
bool		 icmpv6_checksum_ok(const uint8_t src[16], const uint8_t dst[16],
		     const uint8_t *buf, size_t len);
const char	*icmpv6_type_name(uint8_t type);
const char	*icmpv6_unreach_name(uint8_t code);

#endif
