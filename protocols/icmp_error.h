/*
 * icmp_error.h: ICMP errors (RFC 792) and ICMPv6 errors (RFC 4443) and
 * the packet they quote: destination unreachable and time exceeded carry
 * the offending packet's IP header and at least its first 8 bytes after
 * it, which name the probe: TCP and UDP ports (and TCP's sequence
 * number), or an ICMP echo's identifier and sequence number. The scanner
 * matches unreachables to its SYNs with it, the traceroute each hop to
 * its probe. Pure: bytes in, fields out, every byte through the reader.
 *
 *   0                   1                   2                   3
 *  +---------------+---------------+-------------------------------+
 *  |     Type      |     Code      |          Checksum             |
 *  +---------------+---------------+-------------------------------+
 *  |           unused (or next-hop MTU, pointer)                   |
 *  +---------------------------------------------------------------+
 *  |      IP header + first 8 bytes of the original datagram ...   |
 */
#ifndef PROTOCOLS_ICMP_ERROR_H
#define PROTOCOLS_ICMP_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An address of either family: 4 or 16 bytes used. */
struct probe_addr {
	uint8_t		 family;	/* 4 or 6 */
	uint8_t		 a[16];
};

struct icmp_quote {
	struct probe_addr from;		/* who sent the error (IPv4 only) */
	uint8_t		 ttl;		/* of the error as it arrived (IPv4) */
	uint8_t		 type, code;
	struct probe_addr qsrc, qdst;	/* the quoted packet's addresses */
	uint8_t		 qproto;	/* 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6 */
	uint16_t	 qsport, qdport;	/* TCP, UDP */
	uint32_t	 qseq;		/* TCP's sequence number */
	uint16_t	 qid, qicmpseq;	/* an ICMP echo's identifier, sequence */
	bool		 unreachable;	/* destination unreachable */
	bool		 port_unreachable;
	bool		 time_exceeded;
};

/* An IPv4 packet (as a raw socket delivers it) carrying an ICMP error;
 * false for anything else or a packet cut short. */
bool	 icmp_error_read4(const uint8_t *buf, size_t len, struct icmp_quote *);
/* A bare ICMPv6 message (an ICMPv6 raw socket's); from is the caller's. */
bool	 icmp_error_read6(const uint8_t *buf, size_t len, struct icmp_quote *);

#endif
