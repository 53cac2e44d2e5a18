/* ipv4.c: the IPv4 header (RFC 791); diagram in ipv4.h. */
#include <string.h>

#include "inet_csum.h"
#include "ipv4.h"
#include "reader.h"

/* Walk the option area: type, then (except EOL/NOP) a length >= 2. */
static void
walk_options(struct reader *opts, struct ipv4_hdr *out)
{
	while (rd_left(opts) > 0 && out->option_count < IPV4_OPT_MAX) {
		struct ipv4_option *o = &out->options[out->option_count];

		o->offset = (uint8_t)(IPV4_HDR_MIN + opts->pos);
		o->type = rd_u8(opts);
		o->len = 1;
		out->option_count++;
		if (o->type == IPV4_OPT_EOL)
			return;
		if (o->type == IPV4_OPT_NOP)
			continue;
		o->len = rd_u8(opts);
		if (opts->truncated || o->len < 2 ||
		    !rd_skip(opts, (size_t)o->len - 2)) {
			out->options_bad = true;
			return;
		}
	}
}

static void
read_fixed_header(struct reader *rd, struct ipv4_hdr *out)
{
	uint8_t vihl = rd_u8(rd), tos = rd_u8(rd);
	uint16_t frag;

	out->version = vihl >> 4;
	out->header_len = (uint8_t)((vihl & 0x0f) * 4);
	out->dscp = tos >> 2;
	out->ecn = tos & 0x3;
	out->total_len = rd_be16(rd);
	out->id = rd_be16(rd);
	frag = rd_be16(rd);
	out->flags = (uint8_t)(frag >> 13);
	out->frag_offset = (uint16_t)((frag & 0x1fff) * 8);
	out->ttl = rd_u8(rd);
	out->protocol = rd_u8(rd);
	out->checksum = rd_be16(rd);
	rd_bytes(rd, out->src, 4);
	rd_bytes(rd, out->dst, 4);
}

static void
set_payload(const uint8_t *buf, size_t len, struct ipv4_hdr *out)
{
	size_t end = out->total_len;

	if (end > len) {
		end = len;
		out->payload_cut = true;
	}
	if (end > out->header_len) {
		out->payload = buf + out->header_len;
		out->payload_len = end - out->header_len;
	}
}

enum decode_status
ipv4_decode(const uint8_t *buf, size_t len, struct ipv4_hdr *out)
{
	struct reader rd, opts;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	read_fixed_header(&rd, out);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	if (out->version != 4 || out->header_len < IPV4_HDR_MIN ||
	    out->total_len < out->header_len)
		return DECODE_BAD;
	opts = rd_sub(&rd, (size_t)out->header_len - IPV4_HDR_MIN);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	walk_options(&opts, out);
	out->checksum_ok = inet_csum(buf, out->header_len) == 0;
	set_payload(buf, len, out);
	return DECODE_OK;
}

bool
ipv4_is_fragment(const struct ipv4_hdr *h)
{
	return (h->flags & IPV4_FLAG_MF) || h->frag_offset != 0;
}

bool
ipv4_is_later_fragment(const struct ipv4_hdr *h)
{
	return h->frag_offset != 0;
}
