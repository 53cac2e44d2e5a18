/*
 * ip_quote.h: the packet an ICMP or ICMPv6 error quotes back (RFC 792:
 * the IP header and the first 64 bits of its data; RFC 1812 and RFC 4443:
 * as much as fits). A scanner matches "port unreachable" to its probe, a
 * traceroute "time exceeded" to its hop, with these fields.
 *
 * +----------------------------------+----------------------------+
 * | quoted IPv4 or IPv6 header       | first 8 bytes of transport |
 * | (extension headers walked)       | TCP/UDP: ports (TCP: seq)  |
 * |                                  | ICMP/ICMPv6: type code id seq |
 * +----------------------------------+----------------------------+
 */
#ifndef PROTOCOLS_IP_QUOTE_H
#define PROTOCOLS_IP_QUOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

struct ip_quote {
	uint8_t		 family;	/* 4 or 6 */
	uint8_t		 src[16];	/* IPv4: the first 4 bytes */
	uint8_t		 dst[16];
	uint8_t		 protocol;	/* upper layer of the quoted packet */
	uint8_t		 ttl;		/* hop limit for IPv6 */
	uint16_t	 ip_id;		/* IPv4 identification */
	uint16_t	 ip_len;	/* total (v4) or payload (v6) length */
	bool		 has_ports;	/* TCP, UDP, SCTP, UDP-Lite */
	uint16_t	 sport;
	uint16_t	 dport;
	bool		 has_tcp_seq;
	uint32_t	 tcp_seq;
	bool		 has_echo;	/* a quoted ICMP/ICMPv6 message */
	uint8_t		 icmp_type;
	uint8_t		 icmp_code;
	uint16_t	 icmp_id;
	uint16_t	 icmp_seq;
};

/* DECODE_TRUNCATED when the IP header is whole but the transport part is
 * not: addresses and protocol are then filled, ports are not. */
enum decode_status ip_quote_decode(const uint8_t *buf, size_t len,
		     struct ip_quote *out);

#endif
