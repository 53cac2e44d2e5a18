/*
 * capture_flows.h: the conversations in a capture, as they go by. A flow
 * is one IP protocol between two endpoints (address and port; for ICMP
 * echoes the identifier, for other ICMP messages the type), both
 * directions together: "a" is the endpoint that sent the first packet
 * seen. Each flow counts packets and bytes (on the wire) per direction,
 * its first and last packet's time, and the bytes of each of its last
 * CAPTURE_FLOW_HISTORY seconds (the pane's sparkline and rate).
 *
 * The table is bounded: when it holds CAPTURE_FLOWS_MAX flows, a new one
 * takes the place of the one idle longest. Packets that are not IP (ARP)
 * or whose IP header is cut count in "other" only. Time is the packets'
 * own, so a file read gives the same flows as the live capture did.
 */
#ifndef CAPTURE_CAPTURE_FLOWS_H
#define CAPTURE_CAPTURE_FLOWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

#include "../../protocols/dissect.h"
#include "capture_pkt.h"

#define CAPTURE_FLOWS_MAX	4096
#define CAPTURE_FLOW_HISTORY	32	/* seconds of bytes kept per flow */
#define CAPTURE_FLOW_RATE_SECS	5	/* the rate: bytes/s over these */

struct capture_flow_end {
	uint8_t		 addr[16];	/* IPv4 in the first 4 bytes */
	uint16_t	 port;		/* or the ICMP echo id, or type */
};

/* What an ICMP flow's "port" holds. */
enum capture_flow_icmp { FLOW_PORTS, FLOW_ICMP_ECHO_ID, FLOW_ICMP_TYPE };

struct capture_flow {
	uint8_t			 family;	/* 4 or 6 */
	uint8_t			 proto;		/* IP protocol number */
	uint8_t			 icmp;		/* enum capture_flow_icmp */
	struct capture_flow_end	 a, b;
	uint64_t		 packets[2];	/* [0]: a to b, [1]: b to a */
	uint64_t		 bytes[2];
	struct timeval		 first, last;
	/* hist[s % HISTORY]: bytes in second s, for the seconds up to
	 * hist_sec; older slots are stale. */
	uint32_t		 hist[CAPTURE_FLOW_HISTORY];
	int64_t			 hist_sec;
};

enum capture_flow_order { FLOW_BY_BYTES, FLOW_BY_PACKETS, FLOW_BY_RATE,
	FLOW_ORDER_COUNT };

struct capture_flows;

/* max: at most so many flows (0: CAPTURE_FLOWS_MAX). */
struct capture_flows	*capture_flows_new(size_t max);
void			 capture_flows_free(struct capture_flows *);
void			 capture_flows_clear(struct capture_flows *);
/* Counts the packet, decoded in d, into its flow. */
void			 capture_flows_add(struct capture_flows *,
			     const struct capture_pkt *, const struct dissect *);
size_t			 capture_flows_count(const struct capture_flows *);
/* Flows that took another's place, and packets in no flow. */
uint64_t		 capture_flows_evicted(const struct capture_flows *);
uint64_t		 capture_flows_other(const struct capture_flows *);
/* The newest packet's second: "now" for rates when reading a file. */
int64_t			 capture_flows_newest(const struct capture_flows *);
/* Up to max flows into out, in the order asked (largest first; ties by
 * first seen); returns how many. now: the second rates end at. */
size_t			 capture_flows_list(const struct capture_flows *,
			     const struct capture_flow **out, size_t max,
			     enum capture_flow_order, int64_t now);

uint64_t		 capture_flow_packets(const struct capture_flow *);
uint64_t		 capture_flow_bytes(const struct capture_flow *);
/* Bytes in second now - back (back 0: now itself); 0 if not kept. */
uint32_t		 capture_flow_bytes_at(const struct capture_flow *,
			     int64_t now, unsigned back);
/* Bytes per second over the CAPTURE_FLOW_RATE_SECS seconds up to now. */
double			 capture_flow_rate(const struct capture_flow *,
			     int64_t now);
/* "udp", "tcp", "icmp", "icmp6", or "ip-N". */
const char		*capture_flow_proto_name(const struct capture_flow *,
			     char *buf, size_t len);
/* True for a flow whose ports are real ports (TCP, UDP). */
bool			 capture_flow_has_ports(const struct capture_flow *);

#endif
