/*
 * tcp_probe.h: the SYN scanner's packets. Building a TCP SYN segment
 * (RFC 9293) with its checksum over the IPv4 or IPv6 pseudo-header, and
 * reading what may answer one: a TCP segment (SYN-ACK or RST) in an IPv4
 * packet as a raw socket delivers it, or a bare segment as an IPv6 raw
 * socket does. ICMP errors that quote a probe: icmp_error.h. Pure: bytes
 * in, fields out, every byte through the reader.
 */
#ifndef PROTOCOLS_TCP_PROBE_H
#define PROTOCOLS_TCP_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "icmp_error.h"

#define TCP_FIN	0x01
#define TCP_SYN	0x02
#define TCP_RST	0x04
#define TCP_PSH	0x08
#define TCP_ACK	0x10

#define TCP_PROBE_LEN	24	/* 20 bytes of header, an MSS option */

struct tcp_reply {
	struct probe_addr src, dst;	/* dst only from IPv4 (raw v6 has none) */
	uint16_t	 sport, dport;
	uint32_t	 seq, ack;
	uint8_t		 flags;
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
#endif
