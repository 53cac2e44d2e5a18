/* icmp_echo.c: ICMP echo request and reply (see icmp_echo.h). */
#include <string.h>

#include "icmp_echo.h"
#include "ip_header.h"
#include "writer.h"

#define PROTO_ICMP	1

static uint16_t
checksum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)(p[len - 1] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

size_t
icmp_echo_build(uint8_t *out, size_t outlen, bool v6, uint16_t id,
    uint16_t seq, const uint8_t *data, size_t datalen)
{
	struct writer w;

	wr_init(&w, out, outlen);
	wr_u8(&w, v6 ? 128 : 8);
	wr_u8(&w, 0);
	wr_be16(&w, 0);
	wr_be16(&w, id);
	wr_be16(&w, seq);
	wr_bytes(&w, data, datalen);
	if (w.overflow)
		return 0;
	if (!v6)
		wr_patch_be16(&w, 2, checksum(out, w.pos));
	return w.pos;
}

static bool
read_echo(struct reader *rd, struct icmp_echo *e, bool v6)
{
	uint8_t type = rd_u8(rd);

	rd_skip(rd, 3);			/* code, checksum */
	e->id = rd_be16(rd);
	e->seq = rd_be16(rd);
	if (rd->truncated)
		return false;
	e->reply = type == (v6 ? 129 : 0);
	e->datalen = rd_left(rd);
	e->data = rd->start + rd->pos;
	return e->reply || type == (v6 ? 128 : 8);
}

bool
icmp_echo_read4(const uint8_t *buf, size_t len, struct icmp_echo *e)
{
	struct reader rd;
	struct probe_addr dst;
	uint8_t proto = 0;

	memset(e, 0, sizeof *e);
	rd_init(&rd, buf, len);
	if (!ip_header_read4(&rd, &proto, &e->ttl, &e->from, &dst) ||
	    proto != PROTO_ICMP)
		return false;
	return read_echo(&rd, e, false);
}

bool
icmp_echo_read4_bare(const uint8_t *buf, size_t len, struct icmp_echo *e)
{
	struct reader rd;
	struct probe_addr from = e->from;

	memset(e, 0, sizeof *e);
	e->from = from;
	rd_init(&rd, buf, len);
	return read_echo(&rd, e, false);
}

bool
icmp_echo_read6(const uint8_t *buf, size_t len, struct icmp_echo *e)
{
	struct reader rd;
	struct probe_addr from = e->from;

	memset(e, 0, sizeof *e);
	e->from = from;
	rd_init(&rd, buf, len);
	return read_echo(&rd, e, true);
}
