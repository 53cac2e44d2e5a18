/*
 * icmp_echo.h: ICMP echo request and reply (RFC 792; ICMPv6: RFC 4443
 * section 4). The traceroute's ICMP probes, and later the storage in
 * flight's chunks, are echoes: an identifier that says whose, a sequence
 * number that says which, and a payload the far host sends back as is.
 *
 *  +---------------+---------------+-------------------------------+
 *  |  Type 8 / 0   |     Code 0    |          Checksum             |
 *  +---------------+---------------+-------------------------------+
 *  |           Identifier          |        Sequence Number        |
 *  +-------------------------------+-------------------------------+
 *  |     Data ...
 * (ICMPv6: types 128 / 129; the kernel fills the checksum in.)
 */
#ifndef PROTOCOLS_ICMP_ECHO_H
#define PROTOCOLS_ICMP_ECHO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "icmp_error.h"

#define ICMP_ECHO_HDR	8

struct icmp_echo {
	struct probe_addr from;		/* IPv4: from the IP header */
	uint8_t		 ttl;		/* IPv4: as the reply arrived */
	bool		 reply;		/* a reply (else a request) */
	uint16_t	 id, seq;
	const uint8_t	*data;		/* into the caller's buffer */
	size_t		 datalen;
};

/* An echo request into out (ICMP_ECHO_HDR + datalen bytes, at most
 * outlen); v6 leaves the checksum 0 for the kernel. Returns the length,
 * or 0 if it does not fit. */
size_t	 icmp_echo_build(uint8_t *out, size_t outlen, bool v6, uint16_t id,
	     uint16_t seq, const uint8_t *data, size_t datalen);
/* An IPv4 packet carrying an echo request or reply (a raw socket's). */
bool	 icmp_echo_read4(const uint8_t *buf, size_t len, struct icmp_echo *);
/* A bare ICMP message, no IP header (what an IPv4 ping socket reads). */
bool	 icmp_echo_read4_bare(const uint8_t *buf, size_t len, struct icmp_echo *);
/* A bare ICMPv6 message (an ICMPv6 raw socket's). */
bool	 icmp_echo_read6(const uint8_t *buf, size_t len, struct icmp_echo *);

#endif
