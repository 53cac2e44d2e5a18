/* tcp.c: the TCP header and options (RFC 9293); diagram in tcp.h. */
#include <string.h>

#include "reader.h"
#include "tcp.h"

/* One option with a length byte: check its size, read its value. */
static bool
read_option(uint8_t kind, struct reader *val, size_t vlen, struct tcp_hdr *out)
{
	switch (kind) {
	case TCP_OPT_MSS:
		out->has_mss = vlen == 2;
		out->mss = rd_be16(val);
		return vlen == 2;
	case TCP_OPT_WSCALE:
		out->has_wscale = vlen == 1;
		out->wscale = rd_u8(val);
		return vlen == 1;
	case TCP_OPT_SACK_OK:
		out->sack_permitted = vlen == 0;
		return vlen == 0;
	case TCP_OPT_TS:
		out->has_ts = vlen == 8;
		out->ts_val = rd_be32(val);
		out->ts_ecr = rd_be32(val);
		return vlen == 8;
	case TCP_OPT_SACK:
		if (vlen % 8 != 0 || vlen == 0)
			return false;
		while (rd_left(val) >= 8 && out->sack_count < TCP_SACK_MAX) {
			out->sack[out->sack_count][0] = rd_be32(val);
			out->sack[out->sack_count++][1] = rd_be32(val);
		}
		return true;
	default:
		return true;	/* unknown kinds are skipped by length */
	}
}

static void
walk_options(struct reader *opts, struct tcp_hdr *out)
{
	while (rd_left(opts) > 0) {
		uint8_t kind = rd_u8(opts), len;
		struct reader val;

		if (out->option_count < TCP_OPT_ORDER_MAX)
			out->option_kinds[out->option_count] = kind;
		out->option_count++;
		if (kind == TCP_OPT_EOL)
			return;
		if (kind == TCP_OPT_NOP)
			continue;
		len = rd_u8(opts);
		if (opts->truncated || len < 2) {
			out->options_bad = true;
			return;
		}
		val = rd_sub(opts, (size_t)len - 2);
		if (opts->truncated ||
		    !read_option(kind, &val, (size_t)len - 2, out)) {
			out->options_bad = true;
			return;
		}
	}
}

enum decode_status
tcp_decode(const uint8_t *buf, size_t len, struct tcp_hdr *out)
{
	struct reader rd, opts;
	uint16_t off_flags;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	out->sport = rd_be16(&rd);
	out->dport = rd_be16(&rd);
	out->seq = rd_be32(&rd);
	out->ack = rd_be32(&rd);
	off_flags = rd_be16(&rd);
	out->header_len = (uint8_t)((off_flags >> 12) * 4);
	out->flags = off_flags & 0x1ff;
	out->window = rd_be16(&rd);
	out->checksum = rd_be16(&rd);
	out->urgent = rd_be16(&rd);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	if (out->header_len < TCP_HDR_MIN)
		return DECODE_BAD;
	opts = rd_sub(&rd, (size_t)out->header_len - TCP_HDR_MIN);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	walk_options(&opts, out);
	if (rd_left(&rd) > 0) {
		out->payload = buf + out->header_len;
		out->payload_len = rd_left(&rd);
	}
	return DECODE_OK;
}

void
tcp_flags_str(uint16_t flags, char out[TCP_FLAGS_STR])
{
	static const struct { uint16_t bit; char c; } names[] = {
		{ TCP_FIN, 'F' }, { TCP_SYN, 'S' }, { TCP_RST, 'R' },
		{ TCP_PSH, 'P' }, { TCP_URG, 'U' }, { TCP_ECE, 'E' },
		{ TCP_CWR, 'W' }, { TCP_AE, 'e' }, { TCP_ACK, '.' },
	};
	size_t i, n = 0;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (flags & names[i].bit)
			out[n++] = names[i].c;
	if (n == 0)
		out[n++] = 'n';		/* tcpdump's "none" */
	out[n] = '\0';
}
