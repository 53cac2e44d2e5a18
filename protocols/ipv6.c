/* ipv6.c: the IPv6 header and extension chain (RFC 8200); see ipv6.h. */
#include <string.h>

#include "ipv6.h"
#include "reader.h"

static bool
is_extension(uint8_t nh)
{
	return nh == IPV6_NH_HOPOPT || nh == IPV6_NH_ROUTING ||
	    nh == IPV6_NH_FRAGMENT || nh == IPV6_NH_AH ||
	    nh == IPV6_NH_DSTOPT || nh == IPV6_NH_MOBILITY;
}

/* The length of one extension header from its first two bytes. */
static size_t
ext_length(uint8_t type, uint8_t hdr_ext_len)
{
	if (type == IPV6_NH_FRAGMENT)
		return 8;
	if (type == IPV6_NH_AH)
		return ((size_t)hdr_ext_len + 2) * 4;
	return ((size_t)hdr_ext_len + 1) * 8;
}

static void
read_fragment(struct reader *rd, struct ipv6_hdr *out)
{
	uint16_t off;

	rd_skip(rd, 2);		/* next header and reserved, read already */
	off = rd_be16(rd);
	out->fragment = true;
	out->frag_offset = off & 0xfff8;
	out->frag_more = off & 1;
	out->frag_id = rd_be32(rd);
}

/* Walk the chain inside rd (the payload); return the status. */
static enum decode_status
walk_chain(struct reader *rd, struct ipv6_hdr *out)
{
	uint8_t nh = out->next_header;

	while (is_extension(nh)) {
		struct reader ext = *rd;
		uint8_t next = rd_u8(&ext), hlen = rd_u8(&ext);
		size_t len = ext_length(nh, hlen);

		if (ext.truncated)
			return DECODE_TRUNCATED;
		if (out->ext_count == IPV6_EXT_MAX)
			return DECODE_BAD;
		out->ext[out->ext_count].type = nh;
		out->ext[out->ext_count++].len = (uint16_t)len;
		ext = rd_sub(rd, len);
		if (nh == IPV6_NH_FRAGMENT)
			read_fragment(&ext, out);
		if (rd->truncated)
			return DECODE_TRUNCATED;
		nh = next;
		if (out->fragment && out->frag_offset != 0)
			break;	/* a later fragment: the rest is data */
	}
	out->protocol = nh;
	return DECODE_OK;
}

enum decode_status
ipv6_decode(const uint8_t *buf, size_t len, struct ipv6_hdr *out)
{
	struct reader rd, body;
	uint32_t first;
	enum decode_status st;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	first = rd_be32(&rd);
	out->version = (uint8_t)(first >> 28);
	out->traffic_class = (uint8_t)(first >> 20);
	out->flow_label = first & 0xfffff;
	out->declared_len = rd_be16(&rd);
	out->next_header = rd_u8(&rd);
	out->hop_limit = rd_u8(&rd);
	rd_bytes(&rd, out->src, 16);
	rd_bytes(&rd, out->dst, 16);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	if (out->version != 6)
		return DECODE_BAD;
	/* A jumbogram (length 0, RFC 2675) is read to the end of the bytes. */
	body = rd_sub(&rd, out->declared_len ? out->declared_len : rd_left(&rd));
	out->payload_cut = body.truncated;
	body.truncated = false;
	st = walk_chain(&body, out);
	if (st != DECODE_OK)
		return st;
	if (rd_left(&body) > 0) {
		out->payload = body.start + body.pos;
		out->payload_len = rd_left(&body);
	}
	return DECODE_OK;
}

bool
ipv6_is_later_fragment(const struct ipv6_hdr *h)
{
	return h->fragment && h->frag_offset != 0;
}
