/* icmp.c: ICMP for IPv4 (RFC 792); diagram in icmp.h. */
#include <string.h>

#include "icmp.h"
#include "inet_csum.h"
#include "reader.h"

static bool
type_is_error(uint8_t type)
{
	return type == ICMP_UNREACH || type == ICMP_SOURCE_QUENCH ||
	    type == ICMP_REDIRECT || type == ICMP_TIME_EXCEEDED ||
	    type == ICMP_PARAM_PROBLEM;
}

/* The second 32-bit word, whose meaning depends on the type. */
static void
read_rest_of_header(struct reader *rd, struct icmp_msg *out)
{
	switch (out->type) {
	case ICMP_REDIRECT:
		rd_bytes(rd, out->gateway, 4);
		break;
	case ICMP_PARAM_PROBLEM:
		out->pointer = rd_u8(rd);
		rd_skip(rd, 3);
		break;
	case ICMP_UNREACH:
		rd_skip(rd, 2);
		out->mtu = rd_be16(rd);
		if (out->code != ICMP_UNREACH_NEEDFRAG)
			out->mtu = 0;
		break;
	default:
		out->id = rd_be16(rd);
		out->seq = rd_be16(rd);
		break;
	}
}

enum decode_status
icmp_decode(const uint8_t *buf, size_t len, struct icmp_msg *out)
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
	out->checksum_ok = inet_csum(buf, len) == 0;
	out->is_error = type_is_error(out->type);
	if (rd_left(&rd) > 0) {
		out->data = buf + ICMP_HDR_LEN;
		out->data_len = rd_left(&rd);
	}
	if (out->is_error) {
		out->quote_status = ip_quote_decode(out->data, out->data_len,
		    &out->quote);
		out->has_quote = out->quote.family != 0;
	}
	return DECODE_OK;
}

const char *
icmp_type_name(uint8_t type)
{
	switch (type) {
	case ICMP_ECHO_REPLY:		return "echo reply";
	case ICMP_UNREACH:		return "destination unreachable";
	case ICMP_SOURCE_QUENCH:	return "source quench";
	case ICMP_REDIRECT:		return "redirect";
	case ICMP_ECHO:			return "echo request";
	case ICMP_ROUTER_ADV:		return "router advertisement";
	case ICMP_ROUTER_SOL:		return "router solicitation";
	case ICMP_TIME_EXCEEDED:	return "time exceeded";
	case ICMP_PARAM_PROBLEM:	return "parameter problem";
	case ICMP_TIMESTAMP:		return "timestamp request";
	case ICMP_TIMESTAMP_REPLY:	return "timestamp reply";
	default:			return NULL;
	}
}

const char *
icmp_unreach_name(uint8_t code)
{
	static const char *const names[] = {
		"net", "host", "protocol", "port", "need to frag",
		"source route failed", "net unknown", "host unknown",
		"source host isolated", "net prohibited", "host prohibited",
		"net for tos", "host for tos", "admin prohibited",
		"host precedence violation", "precedence cutoff",
	};

	return code < sizeof names / sizeof names[0] ? names[code] : NULL;
}
