/* icmp_error.c: ICMP and ICMPv6 errors and what they quote (see icmp_error.h). */
#include <string.h>

#include "icmp_error.h"
#include "ip_header.h"

#define PROTO_ICMP	1
#define PROTO_TCP	6
#define PROTO_UDP	17
#define PROTO_ICMP6	58
#define ICMP4_UNREACH	3
#define ICMP4_PORT	3
#define ICMP4_TIMXCEED	11
#define ICMP4_ECHO	8
#define ICMP6_UNREACH	1
#define ICMP6_PORT	4
#define ICMP6_TIMXCEED	3
#define ICMP6_ECHO	128

/* The quoted packet's first 8 bytes after its IP header. */
static bool
read_quoted(struct reader *rd, struct icmp_quote *q)
{
	uint8_t type;

	switch (q->qproto) {
	case PROTO_TCP: case PROTO_UDP:
		q->qsport = rd_be16(rd);
		q->qdport = rd_be16(rd);
		q->qseq = rd_be32(rd);	/* UDP: its length and checksum */
		break;
	case PROTO_ICMP: case PROTO_ICMP6:
		type = rd_u8(rd);
		rd_skip(rd, 3);		/* code, checksum */
		q->qid = rd_be16(rd);
		q->qicmpseq = rd_be16(rd);
		if (type != (q->qproto == PROTO_ICMP ? ICMP4_ECHO : ICMP6_ECHO))
			return false;	/* errors are never sent about errors */
		break;
	default:
		return false;
	}
	return !rd->truncated;
}

/* Type, code and the 4 bytes after the checksum; true for the errors
 * that quote a probe. */
static bool
read_head(struct reader *rd, struct icmp_quote *q, bool v6)
{
	q->type = rd_u8(rd);
	q->code = rd_u8(rd);
	rd_skip(rd, 6);
	q->unreachable = q->type == (v6 ? ICMP6_UNREACH : ICMP4_UNREACH);
	q->time_exceeded = q->type == (v6 ? ICMP6_TIMXCEED : ICMP4_TIMXCEED);
	q->port_unreachable = q->unreachable &&
	    q->code == (v6 ? ICMP6_PORT : ICMP4_PORT);
	return !rd->truncated && (q->unreachable || q->time_exceeded);
}

bool
icmp_error_read4(const uint8_t *buf, size_t len, struct icmp_quote *q)
{
	struct reader rd;
	struct probe_addr dst;
	uint8_t proto = 0;

	memset(q, 0, sizeof *q);
	rd_init(&rd, buf, len);
	if (!ip_header_read4(&rd, &proto, &q->ttl, &q->from, &dst) ||
	    proto != PROTO_ICMP || !read_head(&rd, q, false) ||
	    !ip_header_read4(&rd, &q->qproto, NULL, &q->qsrc, &q->qdst))
		return false;
	return read_quoted(&rd, q);
}

bool
icmp_error_read6(const uint8_t *buf, size_t len, struct icmp_quote *q)
{
	struct reader rd;
	struct probe_addr from = q->from;

	memset(q, 0, sizeof *q);
	q->from = from;
	rd_init(&rd, buf, len);
	if (!read_head(&rd, q, true) ||
	    !ip_header_read6(&rd, &q->qproto, NULL, &q->qsrc, &q->qdst))
		return false;
	return read_quoted(&rd, q);
}
