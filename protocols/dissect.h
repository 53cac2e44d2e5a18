/*
 * dissect.h: one captured packet, decoded layer by layer.
 *
 *   link type --> ETHERNET | SLL | SLL2 | NULL/LOOP | RAW IP
 *   ethertype --> IPV4 | IPV6 | ARP
 *   IP proto  --> TCP | UDP | ICMP | ICMPV6
 *   port      --> DNS (53) | MESH (12345, or any port whose payload starts
 *                 with the mesh magic "PL" and version 1: the heuristic)
 *   ICMP echo --> STORAGE (a payload that starts with "PLst": a chunk of
 *                 punchline store, see storage_chunk.h)
 *
 * Who follows whom is a table (dissect.c), not calls wired into each
 * decoder: adding a protocol adds a row and a step function. The result is
 * a small array of layers with the structured fields of each decoder; the
 * text line, the JSON and the pane format them. Nothing here prints,
 * allocates or keeps state between packets.
 */
#ifndef PROTOCOLS_DISSECT_H
#define PROTOCOLS_DISSECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arp.h"
#include "decode.h"
#include "dns.h"
#include "ethernet.h"
#include "icmp.h"
#include "icmpv6.h"
#include "ipv4.h"
#include "ipv6.h"
#include "mesh.h"
#include "nullink.h"
#include "sll.h"
#include "storage_chunk.h"
#include "tcp.h"
#include "udp.h"

/* Link types as pcap files number them (pcap-linktype(7)). */
#define LINKTYPE_NULL		0
#define LINKTYPE_ETHERNET	1
#define LINKTYPE_RAW_OLD	12	/* DLT_RAW on Linux and most BSDs */
#define LINKTYPE_RAW		101
#define LINKTYPE_LOOP		108
#define LINKTYPE_LINUX_SLL	113
#define LINKTYPE_IPV4		228
#define LINKTYPE_IPV6		229
#define LINKTYPE_LINUX_SLL2	276

#define DISSECT_MAX_LAYERS	8
#define MESH_PORT		12345

enum dissect_proto {
	DP_NONE = 0,
	DP_ETHERNET,
	DP_SLL,
	DP_SLL2,
	DP_NULL,
	DP_ARP,
	DP_IPV4,
	DP_IPV6,
	DP_TCP,
	DP_UDP,
	DP_ICMP,
	DP_ICMPV6,
	DP_DNS,
	DP_MESH,
	DP_STORAGE,
	DP_COUNT
};

/* The mesh header; the body only when not sealed and whole. */
struct dissect_mesh {
	struct mesh_header	 hdr;
	bool			 sealed;
	bool			 has_body;
	struct mesh_body	 body;
};

/* A storage chunk's header; its status says whether the CRC could be
 * checked (a capture cut at the snap length cannot check it). */
struct dissect_storage {
	struct storage_chunk		 chunk;
	enum storage_chunk_status	 status;
};

struct dissect_layer {
	enum dissect_proto	 proto;
	enum decode_status	 status;
	size_t			 offset;	/* of the layer in the packet */
	size_t			 len;		/* bytes from offset at hand */
	union {
		struct ether_hdr	 eth;
		struct sll_hdr		 sll;
		struct nullink_hdr	 null;
		struct arp_msg		 arp;
		struct ipv4_hdr		 ip4;
		struct ipv6_hdr		 ip6;
		struct tcp_hdr		 tcp;
		struct udp_hdr		 udp;
		struct icmp_msg		 icmp;
		struct icmpv6_msg	 icmp6;
		struct dns_msg		 dns;
		struct dissect_mesh	 mesh;
		struct dissect_storage	 storage;
	} u;
};

struct dissect {
	uint32_t		 linktype;
	size_t			 caplen;
	size_t			 count;		/* layers filled */
	struct dissect_layer	 layer[DISSECT_MAX_LAYERS];
	/* The payload nobody claimed (after the last layer), if any. */
	size_t			 rest_offset;
	size_t			 rest_len;
	bool			 unknown_linktype;
};

/* Decodes a packet of caplen bytes from a link of type linktype. Always
 * fills what it can; the status is the worst of the layers' statuses. */
enum decode_status dissect_packet(uint32_t linktype, const uint8_t *buf,
		     size_t caplen, struct dissect *out);
/* "ethernet", "ipv4", "dns", ... as the JSON and the pane name them. */
const char	*dissect_proto_name(enum dissect_proto);
/* The layer of that protocol, or NULL. */
const struct dissect_layer *dissect_find(const struct dissect *,
		     enum dissect_proto);

#endif
