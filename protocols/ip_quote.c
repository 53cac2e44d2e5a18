/* ip_quote.c: the packet quoted in an ICMP error; see ip_quote.h. */
#include <string.h>

#include "ip_quote.h"
#include "ipv4.h"
#include "ipv6.h"
#include "reader.h"

#define PROTO_ICMP	1
#define PROTO_TCP	6
#define PROTO_UDP	17
#define PROTO_ICMPV6	58
#define PROTO_SCTP	132
#define PROTO_UDPLITE	136

static enum decode_status
read_transport(const uint8_t *buf, size_t len, struct ip_quote *out)
{
	struct reader rd;

	rd_init(&rd, buf, len);
	switch (out->protocol) {
	case PROTO_TCP: case PROTO_UDP: case PROTO_SCTP: case PROTO_UDPLITE:
		out->sport = rd_be16(&rd);
		out->dport = rd_be16(&rd);
		if (rd.truncated)
			return DECODE_TRUNCATED;
		out->has_ports = true;
		if (out->protocol == PROTO_TCP) {
			out->tcp_seq = rd_be32(&rd);
			out->has_tcp_seq = !rd.truncated;
		}
		return DECODE_OK;
	case PROTO_ICMP: case PROTO_ICMPV6:
		out->icmp_type = rd_u8(&rd);
		out->icmp_code = rd_u8(&rd);
		rd_skip(&rd, 2);
		out->icmp_id = rd_be16(&rd);
		out->icmp_seq = rd_be16(&rd);
		if (rd.truncated)
			return DECODE_TRUNCATED;
		out->has_echo = true;
		return DECODE_OK;
	default:
		return DECODE_OK;
	}
}

static enum decode_status
quote_v4(const uint8_t *buf, size_t len, struct ip_quote *out)
{
	struct ipv4_hdr ip;
	enum decode_status st = ipv4_decode(buf, len, &ip);

	if (st != DECODE_OK)
		return st;
	out->family = 4;
	memcpy(out->src, ip.src, 4);
	memcpy(out->dst, ip.dst, 4);
	out->protocol = ip.protocol;
	out->ttl = ip.ttl;
	out->ip_id = ip.id;
	out->ip_len = ip.total_len;
	if (ipv4_is_later_fragment(&ip))
		return DECODE_OK;	/* no transport header follows */
	return read_transport(ip.payload, ip.payload_len, out);
}

static enum decode_status
quote_v6(const uint8_t *buf, size_t len, struct ip_quote *out)
{
	struct ipv6_hdr ip;
	enum decode_status st = ipv6_decode(buf, len, &ip);

	/* A chain cut inside the quote still gives addresses. */
	if (st == DECODE_BAD || (st == DECODE_TRUNCATED && len < IPV6_HDR_LEN))
		return st;
	out->family = 6;
	memcpy(out->src, ip.src, 16);
	memcpy(out->dst, ip.dst, 16);
	out->protocol = ip.protocol;
	out->ttl = ip.hop_limit;
	out->ip_len = ip.declared_len;
	if (st != DECODE_OK) {
		out->protocol = ip.next_header;
		return st;
	}
	if (ipv6_is_later_fragment(&ip))
		return DECODE_OK;
	return read_transport(ip.payload, ip.payload_len, out);
}

enum decode_status
ip_quote_decode(const uint8_t *buf, size_t len, struct ip_quote *out)
{
	struct reader rd;
	uint8_t version;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	version = rd_u8(&rd) >> 4;
	if (rd.truncated)
		return DECODE_TRUNCATED;
	switch (version) {
	case 4:
		return quote_v4(buf, len, out);
	case 6:
		return quote_v6(buf, len, out);
	default:
		return DECODE_BAD;
	}
}
