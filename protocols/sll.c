/* sll.c: Linux cooked capture headers SLL and SLL2; see sll.h. */
#include <string.h>

#include "reader.h"
#include "sll.h"

static enum decode_status
finish(const uint8_t *buf, struct reader *rd, struct sll_hdr *out)
{
	if (rd->truncated)
		return DECODE_TRUNCATED;
	if (rd_left(rd) > 0) {
		out->payload = buf + rd->pos;
		out->payload_len = rd_left(rd);
	}
	return DECODE_OK;
}

enum decode_status
sll_decode(const uint8_t *buf, size_t len, struct sll_hdr *out)
{
	struct reader rd;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	out->packet_type = rd_be16(&rd);
	out->arphrd = rd_be16(&rd);
	out->addr_len = rd_be16(&rd);
	rd_bytes(&rd, out->addr, 8);
	out->protocol = rd_be16(&rd);
	return finish(buf, &rd, out);
}

enum decode_status
sll2_decode(const uint8_t *buf, size_t len, struct sll_hdr *out)
{
	struct reader rd;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	out->protocol = rd_be16(&rd);
	rd_skip(&rd, 2);
	out->ifindex = rd_be32(&rd);
	out->arphrd = rd_be16(&rd);
	out->packet_type = rd_u8(&rd);
	out->addr_len = rd_u8(&rd);
	rd_bytes(&rd, out->addr, 8);
	return finish(buf, &rd, out);
}

const char *
sll_direction(uint16_t packet_type)
{
	switch (packet_type) {
	case SLL_HOST:		return "In";
	case SLL_BROADCAST:	return "B";
	case SLL_MULTICAST:	return "M";
	case SLL_OTHERHOST:	return "P";
	case SLL_OUTGOING:	return "Out";
	default:		return "?";
	}
}
