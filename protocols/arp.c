/* arp.c: ARP (RFC 826); diagram in arp.h. */
#include <string.h>

#include "arp.h"
#include "reader.h"

enum decode_status
arp_decode(const uint8_t *buf, size_t len, struct arp_msg *out)
{
	struct reader rd;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	out->hw_type = rd_be16(&rd);
	out->proto_type = rd_be16(&rd);
	out->hw_len = rd_u8(&rd);
	out->proto_len = rd_u8(&rd);
	out->op = rd_be16(&rd);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	if (out->hw_type != 1 || out->proto_type != 0x0800 ||
	    out->hw_len != 6 || out->proto_len != 4)
		return DECODE_OK;	/* the fixed part is all we show */
	rd_bytes(&rd, out->sender_mac, 6);
	rd_bytes(&rd, out->sender_ip, 4);
	rd_bytes(&rd, out->target_mac, 6);
	rd_bytes(&rd, out->target_ip, 4);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	out->is_ether_ipv4 = true;
	return DECODE_OK;
}
