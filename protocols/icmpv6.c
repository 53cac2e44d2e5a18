/* icmpv6.c: ICMPv6 (RFC 4443, RFC 4861); diagram in icmpv6.h. */
#include <string.h>

#include "icmpv6.h"
#include "inet_csum.h"
#include "reader.h"

#define PROTO_ICMPV6	58

static void
read_rest_of_header(struct reader *rd, struct icmpv6_msg *out)
{
	uint32_t word = rd_be32(rd);

	switch (out->type) {
	case ICMPV6_PACKET_TOO_BIG:
		out->mtu = word;
		break;
	case ICMPV6_PARAM_PROBLEM:
		out->pointer = word;
		break;
	case ICMPV6_ECHO: case ICMPV6_ECHO_REPLY:
		out->id = (uint16_t)(word >> 16);
		out->seq = (uint16_t)word;
		break;
	case ICMPV6_NEIGHBOR_ADV:
		out->na_flags = (uint8_t)(word >> 29);
		break;
	default:
		break;
	}
}

enum decode_status
icmpv6_decode(const uint8_t *buf, size_t len, struct icmpv6_msg *out)
{
	struct reader rd;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	out->type = rd_u8(&rd);
	out->code = rd_u8(&rd);
	out->checksum = rd_be16(&rd);
	read_rest_of_header(&rd, out);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	out->is_error = out->type < 128;
	if (rd_left(&rd) > 0) {
		out->data = buf + ICMPV6_HDR_LEN;
		out->data_len = rd_left(&rd);
	}
	if (out->type == ICMPV6_NEIGHBOR_SOL || out->type == ICMPV6_NEIGHBOR_ADV)
		out->has_target = rd_bytes(&rd, out->target, 16);
	if (out->is_error) {
		out->quote_status = ip_quote_decode(out->data, out->data_len,
		    &out->quote);
		out->has_quote = out->quote.family != 0;
	}
	return DECODE_OK;
}

bool
icmpv6_checksum_ok(const uint8_t src[16], const uint8_t dst[16],
    const uint8_t *buf, size_t len)
{
	uint32_t sum = inet_pseudo6(src, dst, PROTO_ICMPV6, (uint32_t)len);

	return inet_csum_fold(inet_csum_add(sum, buf, len)) == 0;
}

const char *
icmpv6_type_name(uint8_t type)
{
	switch (type) {
	case ICMPV6_UNREACH:		return "destination unreachable";
	case ICMPV6_PACKET_TOO_BIG:	return "packet too big";
	case ICMPV6_TIME_EXCEEDED:	return "time exceeded";
	case ICMPV6_PARAM_PROBLEM:	return "parameter problem";
	case ICMPV6_ECHO:		return "echo request";
	case ICMPV6_ECHO_REPLY:		return "echo reply";
	case ICMPV6_ROUTER_SOL:		return "router solicitation";
	case ICMPV6_ROUTER_ADV:		return "router advertisement";
	case ICMPV6_NEIGHBOR_SOL:	return "neighbor solicitation";
	case ICMPV6_NEIGHBOR_ADV:	return "neighbor advertisement";
	case ICMPV6_REDIRECT:		return "redirect";
	default:			return NULL;
	}
}

const char *
icmpv6_unreach_name(uint8_t code)
{
	static const char *const names[] = {
		"no route", "admin prohibited", "beyond scope",
		"address", "port", "policy", "reject route",
	};

	return code < sizeof names / sizeof names[0] ? names[code] : NULL;
}
