/* udp.c: the UDP header (RFC 768); diagram in udp.h. */
#include <string.h>

#include "reader.h"
#include "udp.h"

enum decode_status
udp_decode(const uint8_t *buf, size_t len, struct udp_hdr *out)
{
	struct reader rd, body;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	out->sport = rd_be16(&rd);
	out->dport = rd_be16(&rd);
	out->length = rd_be16(&rd);
	out->checksum = rd_be16(&rd);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	/* Length 0 over IPv6 is a jumbogram (RFC 2675): the bytes decide. */
	if (out->length != 0 && out->length < UDP_HDR_LEN)
		return DECODE_BAD;
	body = rd_sub(&rd, out->length ? (size_t)out->length - UDP_HDR_LEN :
	    rd_left(&rd));
	out->payload_cut = body.truncated;
	if (rd_left(&body) > 0) {
		out->payload = buf + UDP_HDR_LEN;
		out->payload_len = rd_left(&body);
	}
	return DECODE_OK;
}
