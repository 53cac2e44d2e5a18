/*
 * ipv4.h: the IPv4 header (RFC 791), its options and fragment fields.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+-------+---------------+-------------------------------+
 * |Version|  IHL  |    DSCP/ECN   |          Total Length         |
 * +-------+-------+---------------+-----+-------------------------+
 * |         Identification        |Flags|     Fragment Offset     |
 * +---------------+---------------+-----+-------------------------+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +---------------+---------------+-------------------------------+
 * |                       Source Address                          |
 * +---------------------------------------------------------------+
 * |                    Destination Address                        |
 * +---------------------------------------------------------------+
 * |                    Options (IHL > 5)          |    Padding    |
 * +---------------------------------------------------------------+
 *
 * ipv4_decode fills struct ipv4_hdr from the first bytes of buf. The
 * payload is what follows the header up to Total Length, cut to the bytes
 * at hand: payload_cut tells a short capture (or a packet quoted inside an
 * ICMP error) from a whole one, and is not an error.
 */
#ifndef PROTOCOLS_IPV4_H
#define PROTOCOLS_IPV4_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define IPV4_HDR_MIN	20
#define IPV4_OPT_MAX	20	/* options kept; a 40-byte area holds fewer */

#define IPV4_FLAG_RF	0x4	/* reserved ("evil") bit */
#define IPV4_FLAG_DF	0x2
#define IPV4_FLAG_MF	0x1

/* Option types (RFC 791, RFC 1108, RFC 2113). */
#define IPV4_OPT_EOL	0
#define IPV4_OPT_NOP	1
#define IPV4_OPT_RR	7
#define IPV4_OPT_TS	68
#define IPV4_OPT_LSRR	131
#define IPV4_OPT_SSRR	137
#define IPV4_OPT_RA	148

struct ipv4_option {
	uint8_t		 type;
	uint8_t		 len;		/* whole option; 1 for EOL and NOP */
	uint8_t		 offset;	/* of the option from the header start */
};

struct ipv4_hdr {
	uint8_t		 version;
	uint8_t		 header_len;	/* bytes: IHL * 4 */
	uint8_t		 dscp;
	uint8_t		 ecn;
	uint16_t	 total_len;
	uint16_t	 id;
	uint8_t		 flags;		/* IPV4_FLAG_* */
	uint16_t	 frag_offset;	/* bytes (the field times 8) */
	uint8_t		 ttl;
	uint8_t		 protocol;
	uint16_t	 checksum;
	bool		 checksum_ok;	/* false too when the header is cut */
	uint8_t		 src[4];
	uint8_t		 dst[4];
	size_t		 option_count;
	struct ipv4_option options[IPV4_OPT_MAX];
	bool		 options_bad;	/* an option's length overran */
	const uint8_t	*payload;	/* inside buf; NULL if none */
	size_t		 payload_len;	/* bytes at hand */
	bool		 payload_cut;	/* fewer bytes than Total Length says */
};

enum decode_status ipv4_decode(const uint8_t *buf, size_t len,
		     struct ipv4_hdr *out);
/* A fragment other than the first: its payload is no transport header. */
bool		 ipv4_is_later_fragment(const struct ipv4_hdr *);
bool		 ipv4_is_fragment(const struct ipv4_hdr *);

#endif
