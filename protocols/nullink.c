/* nullink.c: BSD loopback headers DLT_NULL and DLT_LOOP; see nullink.h. */
#include <string.h>

#include "ethernet.h"
#include "nullink.h"
#include "reader.h"

static uint16_t
family_ethertype(uint32_t family)
{
	switch (family) {
	case 2:
		return ETHERTYPE_IPV4;
	case 10: case 24: case 28: case 30:
		return ETHERTYPE_IPV6;
	default:
		return 0;
	}
}

enum decode_status
nullink_decode(const uint8_t *buf, size_t len, struct nullink_hdr *out)
{
	struct reader rd;
	uint32_t be, swapped;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	be = rd_be32(&rd);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	swapped = (be >> 24) | ((be >> 8) & 0xff00) | ((be << 8) & 0xff0000) |
	    (be << 24);
	/* Families are small numbers: the order giving one is the right one. */
	out->family = be <= 0xffff ? be : swapped;
	out->ethertype = family_ethertype(out->family);
	if (rd_left(&rd) > 0) {
		out->payload = buf + NULLINK_HDR_LEN;
		out->payload_len = rd_left(&rd);
	}
	return DECODE_OK;
}
