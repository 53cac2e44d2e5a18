/*
 * tcp.h: the TCP header (RFC 9293), its flags and options (MSS, window
 * scale RFC 7323, SACK RFC 2018, timestamps RFC 7323).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+-------------------------------+
 * |          Source Port          |       Destination Port        |
 * +-------------------------------+-------------------------------+
 * |                        Sequence Number                        |
 * +---------------------------------------------------------------+
 * |                    Acknowledgment Number                      |
 * +-------+-----+-+-+-+-+-+-+-+-+-+-------------------------------+
 * |  Data |     |A|C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsv |E|W|C|R|C|S|S|Y|I|            Window             |
 * |       |     | |R|E|G|K|H|T|N|N|                               |
 * +-------+-----+-+-+-+-+-+-+-+-+-+-------------------------------+
 * |           Checksum            |         Urgent Pointer        |
 * +-------------------------------+-------------------------------+
 * |                    Options                    |    Padding    |
 * +---------------------------------------------------------------+
 */
#ifndef PROTOCOLS_TCP_H
#define PROTOCOLS_TCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define TCP_HDR_MIN	20

#define TCP_FIN		0x001
#define TCP_SYN		0x002
#define TCP_RST		0x004
#define TCP_PSH		0x008
#define TCP_ACK		0x010
#define TCP_URG		0x020
#define TCP_ECE		0x040
#define TCP_CWR		0x080
#define TCP_AE		0x100	/* was NS (RFC 3540) */

#define TCP_OPT_EOL	0
#define TCP_OPT_NOP	1
#define TCP_OPT_MSS	2
#define TCP_OPT_WSCALE	3
#define TCP_OPT_SACK_OK	4
#define TCP_OPT_SACK	5
#define TCP_OPT_TS	8

#define TCP_SACK_MAX	4
#define TCP_OPT_ORDER_MAX 40	/* one a byte in the 40-byte area */
#define TCP_FLAGS_STR	12	/* room for tcp_flags_str */

struct tcp_hdr {
	uint16_t	 sport;
	uint16_t	 dport;
	uint32_t	 seq;
	uint32_t	 ack;
	uint8_t		 header_len;	/* bytes: data offset * 4 */
	uint16_t	 flags;		/* TCP_* */
	uint16_t	 window;
	uint16_t	 checksum;
	uint16_t	 urgent;
	/* Options seen (has_*) and their values. */
	bool		 has_mss, has_wscale, sack_permitted, has_ts;
	uint16_t	 mss;
	uint8_t		 wscale;
	uint32_t	 ts_val, ts_ecr;
	size_t		 sack_count;
	uint32_t	 sack[TCP_SACK_MAX][2];	/* left, right edges */
	size_t		 option_count;	/* every option, NOPs included */
	uint8_t		 option_kinds[TCP_OPT_ORDER_MAX];	/* in wire order */
	bool		 options_bad;	/* a length overran or was wrong */
	const uint8_t	*payload;	/* inside buf, or NULL */
	size_t		 payload_len;
};

enum decode_status tcp_decode(const uint8_t *buf, size_t len,
		     struct tcp_hdr *out);
/* Flags as tcpdump writes them: "S", "S.", "P.", "F.", "R", "." (ack)... */
void		 tcp_flags_str(uint16_t flags, char out[TCP_FLAGS_STR]);

#endif
