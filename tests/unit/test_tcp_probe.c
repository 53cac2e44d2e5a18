/* test_tcp_probe.c: the SYN scanner's packets, built and read back, and
 * replies and ICMP errors (protocols/icmp_error.c) built by hand as a raw
 * socket would hand them over. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/tcp_probe.h"

static const struct probe_addr me4 = { 4, { 10, 77, 0, 1 } };
static const struct probe_addr them4 = { 4, { 10, 77, 0, 2 } };

/* A 20-byte IPv4 header (plus ihl-5 words of options) before payload. */
static size_t
ipv4(uint8_t *out, uint8_t proto, const struct probe_addr *src,
    const struct probe_addr *dst, const uint8_t *payload, size_t len, int ihl)
{
	size_t hl = (size_t)ihl * 4;

	memset(out, 0, hl);
	out[0] = (uint8_t)(0x40 | ihl);
	out[2] = (uint8_t)((hl + len) >> 8);
	out[3] = (uint8_t)(hl + len);
	out[8] = 64;
	out[9] = proto;
	memcpy(out + 12, src->a, 4);
	memcpy(out + 16, dst->a, 4);
	memset(out + 20, 1, hl - 20);		/* NOP options */
	memcpy(out + hl, payload, len);
	return hl + len;
}

static void
syn_is_well_formed(void **state)
{
	uint8_t seg[TCP_PROBE_LEN];
	struct tcp_reply r = { .src = me4 };

	(void)state;
	tcp_probe_build_syn(seg, &me4, &them4, 40000, 22, 0xdeadbeef);
	/* A segment with a right checksum sums to zero. */
	assert_int_equal(tcp_probe_checksum(&me4, &them4, seg, sizeof seg), 0);
	assert_true(tcp_probe_read_segment(seg, sizeof seg, &r));
	assert_int_equal(r.sport, 40000);
	assert_int_equal(r.dport, 22);
	assert_int_equal(r.seq, 0xdeadbeef);
	assert_int_equal(r.flags, TCP_SYN);
	assert_int_equal(seg[12] >> 4, 6);	/* 24 bytes: the MSS option */
	assert_int_equal(seg[20], 2);
}

/* RFC 1071's worked example: 0001 f203 f4f5 f6f7 sums to ddf2 (one's
 * complement), so the checksum is 220d. A pseudo-header of zero
 * addresses adds only the protocol (6) and the length (8). */
static void
checksum_by_hand(void **state)
{
	static const uint8_t data[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5,
	    0xf6, 0xf7 };
	struct probe_addr zero = { 4, { 0 } };

	(void)state;
	assert_int_equal(tcp_probe_checksum(&zero, &zero, data, sizeof data),
	    (uint16_t)~(0xddf2 + 6 + 8));
}

static void
syn_ack_in_ipv4_with_options(void **state)
{
	uint8_t tcp[20] = { 0, 22, 0x9c, 0x40, 0, 0, 0x03, 0xe8,
	    0xde, 0xad, 0xbe, 0xf0, 0x50, TCP_SYN | TCP_ACK };
	uint8_t pkt[80];
	size_t n = ipv4(pkt, 6, &them4, &me4, tcp, sizeof tcp, 7);
	struct tcp_reply r;

	(void)state;
	assert_true(tcp_probe_read_ipv4(pkt, n, &r));
	assert_int_equal(r.sport, 22);
	assert_int_equal(r.dport, 40000);
	assert_int_equal(r.ack, 0xdeadbef0);
	assert_int_equal(r.flags, TCP_SYN | TCP_ACK);
	assert_memory_equal(r.src.a, them4.a, 4);
	/* Cut anywhere inside the headers: refused, never read past. */
	for (size_t cut = 0; cut < 28 + 14; cut++)
		assert_false(tcp_probe_read_ipv4(pkt, cut, &r));
	pkt[0] = 0x65;				/* not IPv4 */
	assert_false(tcp_probe_read_ipv4(pkt, n, &r));
	pkt[0] = 0x47;
	pkt[9] = 17;				/* UDP, not TCP */
	assert_false(tcp_probe_read_ipv4(pkt, n, &r));
}

static void
icmp4_unreachable_quotes_the_probe(void **state)
{
	uint8_t seg[TCP_PROBE_LEN], quote[40], icmp[64], pkt[96];
	size_t qn, n;
	struct icmp_quote q;

	(void)state;
	tcp_probe_build_syn(seg, &me4, &them4, 40000, 2015, 0x01020304);
	qn = ipv4(quote, 6, &me4, &them4, seg, 8, 5);
	memset(icmp, 0, 8);
	icmp[0] = 3;				/* destination unreachable */
	icmp[1] = 13;				/* administratively prohibited */
	memcpy(icmp + 8, quote, qn);
	n = ipv4(pkt, 1, &them4, &me4, icmp, 8 + qn, 5);
	assert_true(icmp_error_read4(pkt, n, &q));
	assert_true(q.unreachable);
	assert_false(q.port_unreachable);
	assert_int_equal(q.code, 13);
	assert_int_equal(q.qproto, 6);
	assert_int_equal(q.qsport, 40000);
	assert_int_equal(q.qdport, 2015);
	assert_int_equal(q.qseq, 0x01020304);
	assert_memory_equal(q.qdst.a, them4.a, 4);
	assert_false(icmp_error_read4(pkt, n - 1, &q));	/* quote cut */
	pkt[20] = 0;				/* an echo reply: not an error */
	assert_false(icmp_error_read4(pkt, n, &q));
}

static void
icmp6_unreachable_quotes_the_probe(void **state)
{
	uint8_t msg[8 + 40 + 8] = { 1, 4 };	/* port unreachable */
	struct icmp_quote q;

	(void)state;
	msg[8] = 0x60;
	msg[8 + 6] = 6;				/* next header: TCP */
	msg[8 + 8 + 15] = 1;			/* src ::1 */
	msg[8 + 24 + 15] = 2;			/* dst ::2 */
	msg[48] = 0x9c, msg[49] = 0x40;		/* sport 40000 */
	msg[50] = 0, msg[51] = 80;
	msg[55] = 7;				/* seq 7 */
	assert_true(icmp_error_read6(msg, sizeof msg, &q));
	assert_true(q.port_unreachable);
	assert_int_equal(q.qsport, 40000);
	assert_int_equal(q.qdport, 80);
	assert_int_equal(q.qseq, 7);
	assert_int_equal(q.qdst.a[15], 2);
	assert_false(icmp_error_read6(msg, sizeof msg - 1, &q));
	msg[8] = 0x40;				/* the quote is not IPv6 */
	assert_false(icmp_error_read6(msg, sizeof msg, &q));
}

/* An extension header in the quote is stepped over, as ipv6_decode does
 * everywhere else: the quoted UDP probe is found behind it. */
static void
icmp6_quote_behind_an_extension_header(void **state)
{
	uint8_t msg[8 + 40 + 8 + 8] = { 3, 0 };	/* time exceeded */
	struct icmp_quote q;

	(void)state;
	msg[8] = 0x60;
	msg[8 + 6] = 0;				/* next header: hop-by-hop */
	msg[48] = 17;				/* after it: UDP, length 8 */
	msg[56] = 0x82, msg[57] = 0x9a;		/* sport 33434 */
	msg[58] = 0, msg[59] = 53;
	assert_true(icmp_error_read6(msg, sizeof msg, &q));
	assert_true(q.time_exceeded);
	assert_int_equal(q.qproto, 17);
	assert_int_equal(q.qsport, 33434);
	assert_int_equal(q.qdport, 53);
	msg[8 + 6] = 44;			/* a fragment header instead */
	msg[48] = 17;
	msg[50] = 0, msg[51] = 8;		/* offset 8: a later fragment */
	assert_false(icmp_error_read6(msg, sizeof msg, &q));
}

static void
time_exceeded_quotes_an_echo(void **state)
{
	static const struct probe_addr router = { 4, { 198, 51, 100, 1 } };
	uint8_t echo[8] = { 8, 0, 0, 0, 0x12, 0x34, 0, 7 }, quote[28],
	    icmp[40] = { 11, 0 }, pkt[64];
	size_t qn = ipv4(quote, 1, &me4, &them4, echo, sizeof echo, 5), n;
	struct icmp_quote q;

	(void)state;
	memcpy(icmp + 8, quote, qn);
	n = ipv4(pkt, 1, &router, &me4, icmp, 8 + qn, 5);
	assert_true(icmp_error_read4(pkt, n, &q));
	assert_true(q.time_exceeded);
	assert_false(q.unreachable);
	assert_int_equal(q.qproto, 1);
	assert_int_equal(q.qid, 0x1234);
	assert_int_equal(q.qicmpseq, 7);
	assert_int_equal(q.ttl, 64);
	assert_memory_equal(q.from.a, router.a, 4);
	pkt[20 + 8 + 20] = 0;		/* the quote is an echo reply: refused */
	assert_false(icmp_error_read4(pkt, n, &q));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syn_is_well_formed),
		cmocka_unit_test(checksum_by_hand),
		cmocka_unit_test(syn_ack_in_ipv4_with_options),
		cmocka_unit_test(icmp4_unreachable_quotes_the_probe),
		cmocka_unit_test(icmp6_unreachable_quotes_the_probe),
		cmocka_unit_test(icmp6_quote_behind_an_extension_header),
		cmocka_unit_test(time_exceeded_quotes_an_echo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
