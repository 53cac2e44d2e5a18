/*
 * tcp_probe.c: the SYN scanner's packets (see tcp_probe.h).
 *
 * TCP header, RFC 9293 section 3.1:
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |          Source Port          |       Destination Port        |
 *  +-------------------------------+-------------------------------+
 *  |                        Sequence Number                        |
 *  +---------------------------------------------------------------+
 *  |                    Acknowledgment Number                      |
 *  +-------+-------+---------------+-------------------------------+
 *  |  Off  |  Rsv  |     Flags     |            Window             |
 *  +-------+-------+---------------+-------------------------------+
 *  |           Checksum            |        Urgent Pointer         |
 *  +-------------------------------+-------------------------------+
 */
#include <string.h>

#include "ip_header.h"
#include "reader.h"
#include "tcp_probe.h"
#include "writer.h"

#define IPPROTO_TCP_	6

static uint32_t
sum16(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)(p[len - 1] << 8);
	return sum;
}

uint16_t
tcp_probe_checksum(const struct probe_addr *src, const struct probe_addr *dst,
    const uint8_t *seg, size_t len)
{
	size_t alen = src->family == 6 ? 16 : 4;
	uint32_t sum = 0;

	sum = sum16(sum, src->a, alen);
	sum = sum16(sum, dst->a, alen);
	sum += IPPROTO_TCP_;
	sum += (uint32_t)len;		/* < 64 KiB: the upper half is 0 */
	sum = sum16(sum, seg, len);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

void
tcp_probe_build_syn(uint8_t out[TCP_PROBE_LEN], const struct probe_addr *src,
    const struct probe_addr *dst, uint16_t sport, uint16_t dport, uint32_t seq)
{
	struct writer w;
	uint16_t sum;

	wr_init(&w, out, TCP_PROBE_LEN);
	wr_be16(&w, sport);
	wr_be16(&w, dport);
	wr_be32(&w, seq);
	wr_be32(&w, 0);				/* ack */
	wr_u8(&w, (TCP_PROBE_LEN / 4) << 4);	/* data offset */
	wr_u8(&w, TCP_SYN);
	wr_be16(&w, 1024);			/* window, as nmap's */
	wr_be16(&w, 0);				/* checksum, below */
	wr_be16(&w, 0);				/* urgent */
	wr_u8(&w, 2);				/* MSS option, 4 bytes: 1460 */
	wr_u8(&w, 4);
	wr_be16(&w, 1460);
	sum = tcp_probe_checksum(src, dst, out, TCP_PROBE_LEN);
	wr_patch_be16(&w, 16, sum);
}

/* The first 14 bytes of a TCP header: enough for ports, seq, ack, flags. */
static bool
read_tcp(struct reader *rd, struct tcp_reply *r)
{
	r->sport = rd_be16(rd);
	r->dport = rd_be16(rd);
	r->seq = rd_be32(rd);
	r->ack = rd_be32(rd);
	rd_u8(rd);			/* data offset */
	r->flags = rd_u8(rd);
	return !rd->truncated;
}

bool
tcp_probe_read_ipv4(const uint8_t *buf, size_t len, struct tcp_reply *r)
{
	struct reader rd;
	uint8_t proto = 0;

	memset(r, 0, sizeof *r);
	rd_init(&rd, buf, len);
	if (!ip_header_read4(&rd, &proto, NULL, &r->src, &r->dst) ||
	    proto != IPPROTO_TCP_)
		return false;
	return read_tcp(&rd, r);
}

bool
tcp_probe_read_segment(const uint8_t *buf, size_t len, struct tcp_reply *r)
{
	struct reader rd;
	struct probe_addr src = r->src;

	memset(r, 0, sizeof *r);
	r->src = src;
	rd_init(&rd, buf, len);
	return read_tcp(&rd, r);
}

