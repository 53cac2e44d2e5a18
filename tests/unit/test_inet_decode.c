/*
 * test_inet_decode.c: the network and transport decoders on hand-built
 * packets: checksum, IPv4 options and fragments, the IPv6 chain, TCP
 * options, UDP, and the packets quoted inside ICMP and ICMPv6 errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/icmp.h"
#include "../../protocols/icmpv6.h"
#include "../../protocols/inet_csum.h"
#include "../../protocols/ip_quote.h"
#include "../../protocols/ipv4.h"
#include "../../protocols/ipv6.h"
#include "../../protocols/tcp.h"
#include "../../protocols/udp.h"

static const uint8_t addr_a[4] = { 10, 0, 0, 1 }, addr_b[4] = { 10, 0, 0, 2 };

/* An IPv4 header (no options) for proto, total length total, at p. */
static void
put_ipv4(uint8_t *p, uint16_t total, uint8_t proto, uint8_t ttl)
{
	uint16_t c;

	memset(p, 0, 20);
	p[0] = 0x45;
	p[2] = (uint8_t)(total >> 8);
	p[3] = (uint8_t)total;
	p[4] = 0x12; p[5] = 0x34;	/* id */
	p[6] = 0x40;			/* DF */
	p[8] = ttl;
	p[9] = proto;
	memcpy(p + 12, addr_a, 4);
	memcpy(p + 16, addr_b, 4);
	c = inet_csum(p, 20);
	p[10] = (uint8_t)(c >> 8);
	p[11] = (uint8_t)c;
}

static void
checksum_matches_rfc1071_example(void **state)
{
	/* RFC 1071 section 3: the sum of these words is 0xddf2. */
	static const uint8_t words[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5,
	    0xf6, 0xf7 };
	uint32_t sum;

	(void)state;
	assert_int_equal(inet_csum(words, sizeof words), (uint16_t)~0xddf2);
	/* In pieces: even first piece, odd last piece. */
	sum = inet_csum_add(0, words, 4);
	sum = inet_csum_add(sum, words + 4, 4);
	assert_int_equal(inet_csum_fold(sum), (uint16_t)~0xddf2);
	/* Odd length pads with a zero byte. */
	assert_int_equal(inet_csum((const uint8_t[]){ 0x12 }, 1),
	    (uint16_t)~0x1200);
}

static void
udp_checksum_with_ipv4_pseudo_header_verifies(void **state)
{
	uint8_t udp[12] = { 0x30, 0x39, 0x00, 0x35, 0x00, 12, 0, 0,
	    'a', 'b', 'c', 'd' };
	uint16_t c;

	(void)state;
	c = inet_csum_fold(inet_csum_add(inet_pseudo4(addr_a, addr_b, 17, 12),
	    udp, sizeof udp));
	udp[6] = (uint8_t)(c >> 8);
	udp[7] = (uint8_t)c;
	assert_int_equal(inet_csum_fold(inet_csum_add(
	    inet_pseudo4(addr_a, addr_b, 17, 12), udp, sizeof udp)), 0);
}

static void
ipv4_fields_options_and_fragment(void **state)
{
	uint8_t p[32];
	struct ipv4_hdr h;
	uint16_t c;

	(void)state;
	memset(p, 0, sizeof p);
	p[0] = 0x46;			/* IHL 6: 4 bytes of options */
	p[1] = 0xb9;			/* DSCP 46 (EF), ECN 1 */
	p[3] = 32;
	p[4] = 0xab; p[5] = 0xcd;
	p[6] = 0x20; p[7] = 0x03;	/* MF, offset 3*8 */
	p[8] = 64; p[9] = 17;
	memcpy(p + 12, addr_a, 4);
	memcpy(p + 16, addr_b, 4);
	p[20] = IPV4_OPT_RA; p[21] = 4;	/* router alert, value 0 */
	c = inet_csum(p, 24);
	p[10] = (uint8_t)(c >> 8);
	p[11] = (uint8_t)c;
	assert_int_equal(ipv4_decode(p, sizeof p, &h), DECODE_OK);
	assert_int_equal(h.header_len, 24);
	assert_int_equal(h.dscp, 46);
	assert_int_equal(h.ecn, 1);
	assert_int_equal(h.id, 0xabcd);
	assert_int_equal(h.flags, IPV4_FLAG_MF);
	assert_int_equal(h.frag_offset, 24);
	assert_true(ipv4_is_fragment(&h));
	assert_true(ipv4_is_later_fragment(&h));
	assert_true(h.checksum_ok);
	assert_int_equal(h.option_count, 1);
	assert_int_equal(h.options[0].type, IPV4_OPT_RA);
	assert_int_equal(h.options[0].len, 4);
	assert_false(h.options_bad);
	assert_memory_equal(h.src, addr_a, 4);
	assert_int_equal(h.payload_len, 8);
	assert_ptr_equal(h.payload, p + 24);
	assert_false(h.payload_cut);
}

static void
ipv4_refuses_and_cuts(void **state)
{
	uint8_t p[40];
	struct ipv4_hdr h;

	(void)state;
	put_ipv4(p, 40, 6, 64);
	assert_int_equal(ipv4_decode(p, 19, &h), DECODE_TRUNCATED);
	assert_int_equal(ipv4_decode(p, 28, &h), DECODE_OK);
	assert_true(h.payload_cut);		/* 40 said, 28 at hand */
	assert_int_equal(h.payload_len, 8);
	p[0] = 0x65;
	assert_int_equal(ipv4_decode(p, 40, &h), DECODE_BAD);	/* version */
	p[0] = 0x44;
	assert_int_equal(ipv4_decode(p, 40, &h), DECODE_BAD);	/* IHL 4 */
	put_ipv4(p, 10, 6, 64);
	assert_int_equal(ipv4_decode(p, 40, &h), DECODE_BAD);	/* total < 20 */
	/* An option whose length overruns the option area. */
	put_ipv4(p, 40, 6, 64);
	p[0] = 0x46;
	p[20] = IPV4_OPT_RR; p[21] = 9;
	assert_int_equal(ipv4_decode(p, 40, &h), DECODE_OK);
	assert_true(h.options_bad);
	assert_false(h.checksum_ok);
}

static void
tcp_syn_with_options(void **state)
{
	static const uint8_t p[] = {
		0xc3, 0x50, 0x00, 0x50,		/* 50000 -> 80 */
		0x00, 0x00, 0x03, 0xe8,		/* seq 1000 */
		0x00, 0x00, 0x00, 0x00,
		0xa0, 0x02, 0xfa, 0xf0,		/* doff 10, SYN, win 64240 */
		0x00, 0x00, 0x00, 0x00,
		2, 4, 0x05, 0xb4,		/* MSS 1460 */
		4, 2,				/* SACK permitted */
		8, 10, 0, 0, 0, 7, 0, 0, 0, 0,	/* TS 7 0 */
		1,				/* NOP */
		3, 3, 7,			/* wscale 7 */
		'x',
	};
	struct tcp_hdr t;
	char flags[TCP_FLAGS_STR];

	(void)state;
	assert_int_equal(tcp_decode(p, sizeof p, &t), DECODE_OK);
	assert_int_equal(t.sport, 50000);
	assert_int_equal(t.dport, 80);
	assert_int_equal(t.seq, 1000);
	assert_int_equal(t.header_len, 40);
	assert_int_equal(t.flags, TCP_SYN);
	assert_int_equal(t.window, 64240);
	assert_true(t.has_mss);
	assert_int_equal(t.mss, 1460);
	assert_true(t.sack_permitted);
	assert_true(t.has_ts);
	assert_int_equal(t.ts_val, 7);
	assert_true(t.has_wscale);
	assert_int_equal(t.wscale, 7);
	assert_false(t.options_bad);
	assert_int_equal(t.payload_len, 1);
	tcp_flags_str(t.flags, flags);
	assert_string_equal(flags, "S");
	tcp_flags_str(TCP_SYN | TCP_ACK, flags);
	assert_string_equal(flags, "S.");
	tcp_flags_str(TCP_PSH | TCP_ACK, flags);
	assert_string_equal(flags, "P.");
	tcp_flags_str(0, flags);
	assert_string_equal(flags, "n");
	assert_int_equal(tcp_decode(p, 19, &t), DECODE_TRUNCATED);
	assert_int_equal(tcp_decode(p, 30, &t), DECODE_TRUNCATED);
}

static void
tcp_bad_options_and_offset(void **state)
{
	uint8_t p[24] = { 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0x60, 0x10 };
	struct tcp_hdr t;

	(void)state;
	p[20] = TCP_OPT_MSS; p[21] = 3;		/* MSS of the wrong size */
	assert_int_equal(tcp_decode(p, sizeof p, &t), DECODE_OK);
	assert_true(t.options_bad);
	assert_false(t.has_mss);
	p[20] = 30; p[21] = 1;			/* length below 2 */
	assert_int_equal(tcp_decode(p, sizeof p, &t), DECODE_OK);
	assert_true(t.options_bad);
	p[12] = 0x40;				/* offset 16 < 20 */
	assert_int_equal(tcp_decode(p, sizeof p, &t), DECODE_BAD);
}

static void
udp_length_cuts_padding(void **state)
{
	static const uint8_t p[] = { 0x04, 0xd2, 0x00, 0x35, 0x00, 0x0a,
	    0xbe, 0xef, 'h', 'i', 0, 0, 0, 0 };
	struct udp_hdr u;

	(void)state;
	assert_int_equal(udp_decode(p, sizeof p, &u), DECODE_OK);
	assert_int_equal(u.sport, 1234);
	assert_int_equal(u.dport, 53);
	assert_int_equal(u.length, 10);
	assert_int_equal(u.checksum, 0xbeef);
	assert_int_equal(u.payload_len, 2);	/* not the 4 padding bytes */
	assert_false(u.payload_cut);
	assert_int_equal(udp_decode(p, 9, &u), DECODE_OK);
	assert_true(u.payload_cut);
	assert_int_equal(udp_decode(p, 7, &u), DECODE_TRUNCATED);
	assert_int_equal(udp_decode((const uint8_t[]){ 0, 1, 0, 2, 0, 4, 0, 0 },
	    8, &u), DECODE_BAD);
}

/* ICMP port unreachable quoting a UDP probe 10.0.0.1:40000 -> .2:33434. */
static void
icmp_port_unreachable_quotes_udp_probe(void **state)
{
	uint8_t p[8 + 28];
	struct icmp_msg m;
	uint16_t c;

	(void)state;
	memset(p, 0, sizeof p);
	p[0] = ICMP_UNREACH;
	p[1] = ICMP_UNREACH_PORT;
	put_ipv4(p + 8, 28 + 12, 17, 1);	/* quoted: said 40, 28 quoted */
	p[28] = 0x9c; p[29] = 0x40;		/* 40000 */
	p[30] = 0x82; p[31] = 0x9a;		/* 33434 */
	c = inet_csum(p, sizeof p);
	p[2] = (uint8_t)(c >> 8);
	p[3] = (uint8_t)c;
	assert_int_equal(icmp_decode(p, sizeof p, &m), DECODE_OK);
	assert_true(m.checksum_ok);
	assert_true(m.is_error);
	assert_true(m.has_quote);
	assert_int_equal(m.quote_status, DECODE_OK);
	assert_int_equal(m.quote.family, 4);
	assert_memory_equal(m.quote.src, addr_a, 4);
	assert_memory_equal(m.quote.dst, addr_b, 4);
	assert_int_equal(m.quote.protocol, 17);
	assert_int_equal(m.quote.ip_id, 0x1234);
	assert_true(m.quote.has_ports);
	assert_int_equal(m.quote.sport, 40000);
	assert_int_equal(m.quote.dport, 33434);
	assert_string_equal(icmp_type_name(m.type), "destination unreachable");
	assert_string_equal(icmp_unreach_name(m.code), "port");
	assert_string_equal(icmp_unreach_name(ICMP_UNREACH_ADMIN),
	    "admin prohibited");
}

/* Time exceeded quoting a TCP SYN, and one quoting an ICMP echo. */
static void
icmp_time_exceeded_quotes_tcp_and_echo(void **state)
{
	uint8_t p[8 + 28];
	struct icmp_msg m;

	(void)state;
	memset(p, 0, sizeof p);
	p[0] = ICMP_TIME_EXCEEDED;
	put_ipv4(p + 8, 60, 6, 1);
	p[28] = 0xc3; p[29] = 0x50; p[30] = 0x01; p[31] = 0xbb;
	p[32] = 0xde; p[33] = 0xad; p[34] = 0xbe; p[35] = 0xef;
	assert_int_equal(icmp_decode(p, sizeof p, &m), DECODE_OK);
	assert_int_equal(m.quote.protocol, 6);
	assert_int_equal(m.quote.sport, 50000);
	assert_int_equal(m.quote.dport, 443);
	assert_true(m.quote.has_tcp_seq);
	assert_int_equal(m.quote.tcp_seq, 0xdeadbeef);

	put_ipv4(p + 8, 84, 1, 1);
	memset(p + 28, 0, 8);
	p[28] = ICMP_ECHO;
	p[32] = 0x00; p[33] = 0x2a; p[34] = 0x00; p[35] = 0x07;
	assert_int_equal(icmp_decode(p, sizeof p, &m), DECODE_OK);
	assert_true(m.quote.has_echo);
	assert_int_equal(m.quote.icmp_type, ICMP_ECHO);
	assert_int_equal(m.quote.icmp_id, 42);
	assert_int_equal(m.quote.icmp_seq, 7);

	/* A quote cut after the IP header: addresses, no ports. */
	put_ipv4(p + 8, 60, 17, 1);
	assert_int_equal(icmp_decode(p, 8 + 22, &m), DECODE_OK);
	assert_true(m.has_quote);
	assert_int_equal(m.quote_status, DECODE_TRUNCATED);
	assert_false(m.quote.has_ports);
	assert_int_equal(m.quote.protocol, 17);
}

static void
icmp_echo_and_need_frag(void **state)
{
	static const uint8_t echo[] = { 8, 0, 0, 0, 0x12, 0x34, 0x00, 0x01,
	    'p', 'i', 'n', 'g' };
	static const uint8_t frag[] = { 3, 4, 0, 0, 0, 0, 0x05, 0xdc };
	struct icmp_msg m;

	(void)state;
	assert_int_equal(icmp_decode(echo, sizeof echo, &m), DECODE_OK);
	assert_false(m.is_error);
	assert_int_equal(m.id, 0x1234);
	assert_int_equal(m.seq, 1);
	assert_int_equal(m.data_len, 4);
	assert_int_equal(icmp_decode(frag, sizeof frag, &m), DECODE_OK);
	assert_int_equal(m.mtu, 1500);
	assert_false(m.has_quote);		/* nothing quoted */
	assert_int_equal(icmp_decode(echo, 7, &m), DECODE_TRUNCATED);
}

/* An IPv6 header with hop-by-hop and fragment headers before UDP. */
static size_t
put_ipv6_chain(uint8_t *p, uint16_t frag_word)
{
	memset(p, 0, 40 + 8 + 8 + 10);
	p[0] = 0x60; p[1] = 0x12; p[2] = 0x34; p[3] = 0x56;
	p[5] = 8 + 8 + 10;
	p[6] = IPV6_NH_HOPOPT;
	p[7] = 64;
	p[8] = 0xfe; p[9] = 0x80; p[23] = 1;
	p[24] = 0xfe; p[25] = 0x80; p[39] = 2;
	p[40] = IPV6_NH_FRAGMENT; p[41] = 0;	/* hop-by-hop, 8 bytes */
	p[42] = 1; p[43] = 4;			/* PadN */
	p[48] = 17;				/* fragment -> UDP */
	p[50] = (uint8_t)(frag_word >> 8); p[51] = (uint8_t)frag_word;
	p[52] = 0xca; p[53] = 0xfe; p[54] = 0xba; p[55] = 0xbe;
	p[56] = 0x00; p[57] = 0x35; p[58] = 0x12; p[59] = 0x34;
	p[60] = 0; p[61] = 10;
	return 40 + 8 + 8 + 10;
}

static void
ipv6_walks_extension_chain(void **state)
{
	uint8_t p[66];
	struct ipv6_hdr h;
	size_t n = put_ipv6_chain(p, 0x0001);	/* offset 0, more */

	(void)state;
	assert_int_equal(ipv6_decode(p, n, &h), DECODE_OK);
	assert_int_equal(h.traffic_class, 0x01);
	assert_int_equal(h.flow_label, 0x23456);
	assert_int_equal(h.hop_limit, 64);
	assert_int_equal(h.next_header, IPV6_NH_HOPOPT);
	assert_int_equal(h.ext_count, 2);
	assert_int_equal(h.ext[1].type, IPV6_NH_FRAGMENT);
	assert_true(h.fragment);
	assert_true(h.frag_more);
	assert_int_equal(h.frag_id, 0xcafebabe);
	assert_false(ipv6_is_later_fragment(&h));
	assert_int_equal(h.protocol, 17);
	assert_int_equal(h.payload_len, 10);
	assert_ptr_equal(h.payload, p + 56);

	n = put_ipv6_chain(p, 0x0010);		/* offset 16: later fragment */
	assert_int_equal(ipv6_decode(p, n, &h), DECODE_OK);
	assert_true(ipv6_is_later_fragment(&h));
	assert_int_equal(h.frag_offset, 16);

	assert_int_equal(ipv6_decode(p, 39, &h), DECODE_TRUNCATED);
	assert_int_equal(ipv6_decode(p, 44, &h), DECODE_TRUNCATED);
	p[0] = 0x40;
	assert_int_equal(ipv6_decode(p, n, &h), DECODE_BAD);
}

static void
ipv6_too_many_extensions_is_bad(void **state)
{
	uint8_t p[40 + 8 * 10];
	struct ipv6_hdr h;
	size_t i;

	(void)state;
	memset(p, 0, sizeof p);
	p[0] = 0x60;
	p[5] = 80;
	p[6] = IPV6_NH_DSTOPT;
	for (i = 0; i < 10; i++)
		p[40 + 8 * i] = IPV6_NH_DSTOPT;	/* a loop of options */
	assert_int_equal(ipv6_decode(p, sizeof p, &h), DECODE_BAD);
}

/* Packet too big quoting a TCP segment sent over IPv6. */
static void
icmpv6_packet_too_big_quotes_tcp(void **state)
{
	uint8_t p[8 + 48], src[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 9 };
	struct icmpv6_msg m;
	uint16_t c;

	(void)state;
	memset(p, 0, sizeof p);
	p[0] = ICMPV6_PACKET_TOO_BIG;
	p[6] = 0x05; p[7] = 0x00;		/* MTU 1280 */
	p[8] = 0x60; p[13] = 40; p[14] = 6; p[15] = 3;
	p[16] = 0x20; p[17] = 0x01; p[31] = 1;	/* 2001::1 */
	p[32] = 0x20; p[33] = 0x01; p[47] = 2;	/* 2001::2 */
	p[48] = 0x1f; p[49] = 0x90; p[50] = 0x00; p[51] = 0x16;
	assert_int_equal(icmpv6_decode(p, sizeof p, &m), DECODE_OK);
	assert_true(m.is_error);
	assert_int_equal(m.mtu, 1280);
	assert_true(m.has_quote);
	assert_int_equal(m.quote.family, 6);
	assert_int_equal(m.quote.protocol, 6);
	assert_int_equal(m.quote.ttl, 3);
	assert_int_equal(m.quote.dst[15], 2);
	assert_int_equal(m.quote.sport, 8080);
	assert_int_equal(m.quote.dport, 22);
	assert_string_equal(icmpv6_type_name(m.type), "packet too big");
	/* The checksum needs the pseudo-header. */
	c = inet_csum_fold(inet_csum_add(inet_pseudo6(src, p + 16, 58,
	    sizeof p), p, sizeof p));
	p[2] = (uint8_t)(c >> 8);
	p[3] = (uint8_t)c;
	assert_true(icmpv6_checksum_ok(src, p + 16, p, sizeof p));
	assert_false(icmpv6_checksum_ok(p + 16, src, p, sizeof p - 1));
}

static void
icmpv6_echo_and_neighbor(void **state)
{
	static const uint8_t echo[] = { 128, 0, 0, 0, 0, 5, 0, 6 };
	uint8_t na[24] = { 136, 0, 0, 0, 0x60 };
	struct icmpv6_msg m;

	(void)state;
	assert_int_equal(icmpv6_decode(echo, sizeof echo, &m), DECODE_OK);
	assert_false(m.is_error);
	assert_int_equal(m.id, 5);
	assert_int_equal(m.seq, 6);
	na[8] = 0xfe; na[23] = 0x42;
	assert_int_equal(icmpv6_decode(na, sizeof na, &m), DECODE_OK);
	assert_true(m.has_target);
	assert_int_equal(m.target[15], 0x42);
	assert_int_equal(m.na_flags, 3);	/* S and O */
	assert_int_equal(icmpv6_unreach_name(ICMPV6_UNREACH_PORT)[0], 'p');
}

static void
quote_of_garbage_is_refused(void **state)
{
	struct ip_quote q;

	(void)state;
	assert_int_equal(ip_quote_decode(NULL, 0, &q), DECODE_TRUNCATED);
	assert_int_equal(ip_quote_decode((const uint8_t[]){ 0x55 }, 1, &q),
	    DECODE_BAD);
	assert_int_equal(ip_quote_decode((const uint8_t[]){ 0x45, 0 }, 2, &q),
	    DECODE_TRUNCATED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(checksum_matches_rfc1071_example),
		cmocka_unit_test(udp_checksum_with_ipv4_pseudo_header_verifies),
		cmocka_unit_test(ipv4_fields_options_and_fragment),
		cmocka_unit_test(ipv4_refuses_and_cuts),
		cmocka_unit_test(tcp_syn_with_options),
		cmocka_unit_test(tcp_bad_options_and_offset),
		cmocka_unit_test(udp_length_cuts_padding),
		cmocka_unit_test(icmp_port_unreachable_quotes_udp_probe),
		cmocka_unit_test(icmp_time_exceeded_quotes_tcp_and_echo),
		cmocka_unit_test(icmp_echo_and_need_frag),
		cmocka_unit_test(ipv6_walks_extension_chain),
		cmocka_unit_test(ipv6_too_many_extensions_is_bad),
		cmocka_unit_test(icmpv6_packet_too_big_quotes_tcp),
		cmocka_unit_test(icmpv6_echo_and_neighbor),
		cmocka_unit_test(quote_of_garbage_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
