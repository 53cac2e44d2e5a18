/* ethernet.c: Ethernet II and VLAN tags (IEEE 802.3, 802.1Q); see ethernet.h. */
#include <string.h>

#include "ethernet.h"
#include "reader.h"

enum decode_status
ether_decode(const uint8_t *buf, size_t len, struct ether_hdr *out)
{
	struct reader rd;
	uint16_t type;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	rd_bytes(&rd, out->dst, 6);
	rd_bytes(&rd, out->src, 6);
	type = rd_be16(&rd);
	while ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) &&
	    !rd.truncated) {
		uint16_t tci = rd_be16(&rd);

		if (out->vlan_count == ETHER_VLAN_MAX)
			return DECODE_BAD;
		out->vlan_pcp[out->vlan_count] = (uint8_t)(tci >> 13);
		out->vlan_id[out->vlan_count++] = tci & 0x0fff;
		type = rd_be16(&rd);
	}
	if (rd.truncated)
		return DECODE_TRUNCATED;
	if (type < 0x0600)
		out->length_8023 = type;
	else
		out->ethertype = type;
	if (rd_left(&rd) > 0) {
		out->payload = buf + rd.pos;
		out->payload_len = rd_left(&rd);
	}
	return DECODE_OK;
}
