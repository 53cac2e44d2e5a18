/*
 * icmp.h: ICMP for IPv4 (RFC 792; fragmentation needed RFC 1191;
 * extended echo aside).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+-------------------------------+
 * |     Type      |     Code      |          Checksum             |
 * +---------------+---------------+-------------------------------+
 * | echo, timestamp: Identifier   |        Sequence Number        |
 * | unreachable:     unused       | Next-Hop MTU (code 4)         |
 * | redirect:        Gateway Internet Address                     |
 * | param problem:   Pointer | unused                             |
 * +---------------------------------------------------------------+
 * | errors: the quoted IP header + first 8 bytes of its data;     |
 * | echo: the data echoed                                         |
 * +---------------------------------------------------------------+
 */
#ifndef PROTOCOLS_ICMP_H
#define PROTOCOLS_ICMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"
#include "ip_quote.h"

#define ICMP_HDR_LEN		8

#define ICMP_ECHO_REPLY		0
#define ICMP_UNREACH		3
#define ICMP_SOURCE_QUENCH	4
#define ICMP_REDIRECT		5
#define ICMP_ECHO		8
#define ICMP_ROUTER_ADV		9
#define ICMP_ROUTER_SOL		10
#define ICMP_TIME_EXCEEDED	11
#define ICMP_PARAM_PROBLEM	12
#define ICMP_TIMESTAMP		13
#define ICMP_TIMESTAMP_REPLY	14

/* Destination unreachable codes. */
#define ICMP_UNREACH_NET	0
#define ICMP_UNREACH_HOST	1
#define ICMP_UNREACH_PROTO	2
#define ICMP_UNREACH_PORT	3
#define ICMP_UNREACH_NEEDFRAG	4
#define ICMP_UNREACH_NET_PROHIB	9
#define ICMP_UNREACH_HOST_PROHIB 10
#define ICMP_UNREACH_ADMIN	13	/* communication administratively prohibited */

struct icmp_msg {
	uint8_t		 type;
	uint8_t		 code;
	uint16_t	 checksum;
	bool		 checksum_ok;	/* over the bytes at hand */
	uint16_t	 id;		/* echo and timestamp */
	uint16_t	 seq;
	uint16_t	 mtu;		/* unreachable, code 4 */
	uint8_t		 gateway[4];	/* redirect */
	uint8_t		 pointer;	/* parameter problem */
	bool		 is_error;	/* unreachable, quench, redirect, time
					   exceeded, parameter problem */
	bool		 has_quote;	/* quote holds at least the IP header */
	enum decode_status quote_status;
	struct ip_quote	 quote;
	const uint8_t	*data;		/* after the 8-byte header, or NULL */
	size_t		 data_len;
};

enum decode_status icmp_decode(const uint8_t *buf, size_t len,
		     struct icmp_msg *out);
/* "echo request", "destination unreachable"...; "type N" is not given. */
const char	*icmp_type_name(uint8_t type);
/* The unreachable code: "port", "host", "admin prohibited", ...; or NULL. */
const char	*icmp_unreach_name(uint8_t code);

#endif
