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
 *
 * An ICMP error (RFC 792; ICMPv6, RFC 4443) is type, code, checksum, four
 * bytes that depend on the type, then as much of the offending packet as
 * fits: its IP header and at least the first 8 bytes after it, which for
 * TCP are the ports and the sequence number.
 */
#include <string.h>

#include "reader.h"
#include "tcp_probe.h"
#include "writer.h"

#define IPPROTO_TCP_	6
#define IPPROTO_UDP_	17
#define IPPROTO_ICMP_	1
#define ICMP4_UNREACH	3
#define ICMP4_TIMXCEED	11
#define ICMP4_PORT	3
#define ICMP6_UNREACH	1
#define ICMP6_TIMXCEED	3
#define ICMP6_PORT	4

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

static void
read_addr(struct reader *rd, struct probe_addr *a, uint8_t family)
{
	memset(a, 0, sizeof *a);
	a->family = family;
	rd_bytes(rd, a->a, family == 6 ? 16 : 4);
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

/* An IPv4 header: the protocol, the addresses, the reader moved past the
 * options to the payload. False if not IPv4 or cut short. */
static bool
read_ipv4(struct reader *rd, uint8_t *proto, struct probe_addr *src,
    struct probe_addr *dst)
{
	uint8_t vihl = rd_u8(rd);
	size_t ihl = (size_t)(vihl & 0x0f) * 4;

	if (vihl >> 4 != 4 || ihl < 20)
		return false;
	rd_skip(rd, 8);			/* tos, length, id, frag, ttl */
	*proto = rd_u8(rd);
	rd_skip(rd, 2);			/* checksum */
	read_addr(rd, src, 4);
	read_addr(rd, dst, 4);
	rd_skip(rd, ihl - 20);		/* options */
	return !rd->truncated;
}

bool
tcp_probe_read_ipv4(const uint8_t *buf, size_t len, struct tcp_reply *r)
{
	struct reader rd;
	uint8_t proto = 0;

	memset(r, 0, sizeof *r);
	rd_init(&rd, buf, len);
	if (!read_ipv4(&rd, &proto, &r->src, &r->dst) || proto != IPPROTO_TCP_)
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

/* The quoted transport header's first 8 bytes: ports, and for TCP the
 * sequence number. */
static bool
read_quoted_ports(struct reader *rd, struct icmp_quote *q)
{
	if (q->qproto != IPPROTO_TCP_ && q->qproto != IPPROTO_UDP_)
		return false;
	q->qsport = rd_be16(rd);
	q->qdport = rd_be16(rd);
	q->qseq = rd_be32(rd);		/* UDP: length and checksum */
	return !rd->truncated;
}

bool
tcp_probe_read_icmp4(const uint8_t *buf, size_t len, struct icmp_quote *q)
{
	struct reader rd;
	struct probe_addr dst;
	uint8_t proto = 0;

	memset(q, 0, sizeof *q);
	rd_init(&rd, buf, len);
	if (!read_ipv4(&rd, &proto, &q->from, &dst) || proto != IPPROTO_ICMP_)
		return false;
	q->type = rd_u8(&rd);
	q->code = rd_u8(&rd);
	rd_skip(&rd, 6);		/* checksum, unused / next-hop MTU */
	if (rd.truncated || (q->type != ICMP4_UNREACH && q->type != ICMP4_TIMXCEED))
		return false;
	q->unreachable = q->type == ICMP4_UNREACH;
	q->port_unreachable = q->unreachable && q->code == ICMP4_PORT;
	if (!read_ipv4(&rd, &q->qproto, &q->qsrc, &q->qdst))
		return false;
	return read_quoted_ports(&rd, q);
}

bool
tcp_probe_read_icmp6(const uint8_t *buf, size_t len, struct icmp_quote *q)
{
	struct reader rd;
	uint8_t version;

	memset(q, 0, sizeof *q);
	rd_init(&rd, buf, len);
	q->type = rd_u8(&rd);
	q->code = rd_u8(&rd);
	rd_skip(&rd, 6);
	if (rd.truncated || (q->type != ICMP6_UNREACH && q->type != ICMP6_TIMXCEED))
		return false;
	q->unreachable = q->type == ICMP6_UNREACH;
	q->port_unreachable = q->unreachable && q->code == ICMP6_PORT;
	version = rd_u8(&rd) >> 4;
	rd_skip(&rd, 5);		/* traffic class, flow label, length */
	q->qproto = rd_u8(&rd);		/* next header: no extension headers */
	rd_skip(&rd, 1);		/* hop limit */
	read_addr(&rd, &q->qsrc, 6);
	read_addr(&rd, &q->qdst, 6);
	if (rd.truncated || version != 6)
		return false;
	return read_quoted_ports(&rd, q);
}
