/*
 * tcp_probe.h: the SYN scanner's packets. Building a TCP SYN segment
 * (RFC 9293) with its checksum over the IPv4 or IPv6 pseudo-header, and
 * reading what may answer one: a TCP segment (SYN-ACK or RST) in an IPv4
 * packet as a raw socket delivers it, or a bare segment as an IPv6 raw
 * socket does; an ICMP or ICMPv6 error (RFC 792, RFC 4443) that quotes
 * the probe. Pure: bytes in, fields out, every byte through the reader.
 */
#ifndef PROTOCOLS_TCP_PROBE_H
#define PROTOCOLS_TCP_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TCP_FIN	0x01
#define TCP_SYN	0x02
#define TCP_RST	0x04
#define TCP_PSH	0x08
#define TCP_ACK	0x10

#define TCP_PROBE_LEN	24	/* 20 bytes of header, an MSS option */

/* An address of either family: 4 or 16 bytes used. */
struct probe_addr {
	uint8_t		 family;	/* 4 or 6 */
	uint8_t		 a[16];
};

struct tcp_reply {
	struct probe_addr src, dst;	/* dst only from IPv4 (raw v6 has none) */
	uint16_t	 sport, dport;
	uint32_t	 seq, ack;
	uint8_t		 flags;
};

/* What an ICMP error says, and which of our segments it quotes. */
struct icmp_quote {
	struct probe_addr from;		/* who sent the error (IPv4 only) */
	uint8_t		 type, code;
	struct probe_addr qsrc, qdst;	/* the quoted packet's addresses */
	uint8_t		 qproto;
	uint16_t	 qsport, qdport;
	uint32_t	 qseq;
	bool		 unreachable;	/* destination unreachable */
	bool		 port_unreachable;
};

/* A SYN from src:sport to dst:dport with sequence seq into out
 * (TCP_PROBE_LEN bytes), its checksum filled in. */
void	 tcp_probe_build_syn(uint8_t out[TCP_PROBE_LEN],
	     const struct probe_addr *src, const struct probe_addr *dst,
	     uint16_t sport, uint16_t dport, uint32_t seq);
/* The RFC 1071 checksum of a TCP segment with its pseudo-header. */
uint16_t tcp_probe_checksum(const struct probe_addr *src,
	     const struct probe_addr *dst, const uint8_t *seg, size_t len);

/* An IPv4 packet carrying TCP: false if it is not one or is cut short. */
bool	 tcp_probe_read_ipv4(const uint8_t *buf, size_t len, struct tcp_reply *);
/* A bare TCP segment (an IPv6 raw socket's), src given by the caller. */
bool	 tcp_probe_read_segment(const uint8_t *buf, size_t len,
	     struct tcp_reply *);
/* An IPv4 packet carrying an ICMP error that quotes an IPv4 TCP or UDP
 * header; false for anything else. */
bool	 tcp_probe_read_icmp4(const uint8_t *buf, size_t len,
	     struct icmp_quote *);
/* A bare ICMPv6 message (an ICMPv6 raw socket's) quoting IPv6 + TCP/UDP. */
bool	 tcp_probe_read_icmp6(const uint8_t *buf, size_t len,
	     struct icmp_quote *);

#endif
