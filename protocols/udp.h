/*
 * udp.h: the UDP header (RFC 768).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+-------------------------------+
 * |          Source Port          |       Destination Port        |
 * +-------------------------------+-------------------------------+
 * |            Length             |           Checksum            |
 * +-------------------------------+-------------------------------+
 * |                          data ...                             |
 *
 * The payload is cut to Length when the bytes hold more (link padding),
 * and to the bytes at hand when they hold less (payload_cut).
 */
#ifndef PROTOCOLS_UDP_H
#define PROTOCOLS_UDP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define UDP_HDR_LEN	8

struct udp_hdr {
	uint16_t	 sport;
	uint16_t	 dport;
	uint16_t	 length;	/* header and data, as the header says */
	uint16_t	 checksum;
	const uint8_t	*payload;	/* inside buf, or NULL */
	size_t		 payload_len;
	bool		 payload_cut;
};

enum decode_status udp_decode(const uint8_t *buf, size_t len,
		     struct udp_hdr *out);

#endif
