/* test_capture_flows.c: both directions of a conversation are one flow
 * with counts per direction, ICMP echoes meet by id, the per-second
 * history and rate follow the packets' time, the list sorts, and a full
 * table gives up the flow idle longest. Packets are built byte by byte
 * and go through the real dissector. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/capture/capture_flows.h"

#define T0	1700000000

/* Ethernet + IPv4 (+ 8 bytes of UDP or ICMP echo header) + payload. */
static size_t
build(uint8_t *b, uint8_t proto, uint8_t src, uint8_t dst, uint16_t sport,
    uint16_t dport, size_t payload)
{
	size_t ip_len = 20 + 8 + payload;

	memset(b, 0, 14 + ip_len);
	b[12] = 0x08;				/* IPv4 */
	b[14] = 0x45;
	b[16] = (uint8_t)(ip_len >> 8);
	b[17] = (uint8_t)ip_len;
	b[22] = 64;
	b[23] = proto;
	b[26] = 10; b[29] = src;		/* 10.0.0.src */
	b[30] = 10; b[33] = dst;
	if (proto == 17) {
		b[34] = (uint8_t)(sport >> 8); b[35] = (uint8_t)sport;
		b[36] = (uint8_t)(dport >> 8); b[37] = (uint8_t)dport;
		b[38] = (uint8_t)((8 + payload) >> 8);
		b[39] = (uint8_t)(8 + payload);
	} else {			/* ICMP echo: sport is the type */
		b[34] = (uint8_t)sport;
		b[38] = (uint8_t)(dport >> 8); b[39] = (uint8_t)dport;	/* id */
	}
	return 14 + ip_len;
}

static void
feed(struct capture_flows *t, uint8_t proto, uint8_t src, uint8_t dst,
    uint16_t sport, uint16_t dport, size_t payload, long sec, long usec)
{
	static struct dissect d;
	uint8_t bytes[1600];
	struct capture_pkt p = { 0 };

	p.caplen = p.len = (uint32_t)build(bytes, proto, src, dst, sport,
	    dport, payload);
	p.ts.tv_sec = sec;
	p.ts.tv_usec = usec;
	p.linktype = LINKTYPE_ETHERNET;
	p.data = bytes;
	dissect_packet(p.linktype, p.data, p.caplen, &d);
	capture_flows_add(t, &p, &d);
}

static void
both_directions_are_one_flow(void **state)
{
	struct capture_flows *t = capture_flows_new(0);
	const struct capture_flow *f[4];

	(void)state;
	feed(t, 17, 1, 2, 40000, 53, 10, T0, 5);	/* 52 bytes */
	feed(t, 17, 2, 1, 53, 40000, 100, T0, 900);	/* 142 bytes */
	feed(t, 17, 1, 2, 40000, 53, 10, T0 + 2, 7);
	feed(t, 17, 1, 2, 40001, 53, 10, T0 + 2, 8);	/* another port */
	assert_int_equal(capture_flows_count(t), 2);
	assert_int_equal(capture_flows_list(t, f, 4, FLOW_BY_BYTES, T0 + 2), 2);
	assert_int_equal(f[0]->a.port, 40000);		/* the first sender */
	assert_int_equal(f[0]->a.addr[3], 1);
	assert_int_equal(f[0]->b.port, 53);
	assert_int_equal(f[0]->packets[0], 2);
	assert_int_equal(f[0]->packets[1], 1);
	assert_int_equal(f[0]->bytes[0], 104);
	assert_int_equal(f[0]->bytes[1], 142);
	assert_int_equal(capture_flow_bytes(f[0]), 246);
	assert_int_equal(f[0]->first.tv_sec, T0);
	assert_int_equal(f[0]->first.tv_usec, 5);
	assert_int_equal(f[0]->last.tv_sec, T0 + 2);
	assert_int_equal(f[0]->last.tv_usec, 7);
	assert_int_equal(f[1]->a.port, 40001);
	capture_flows_free(t);
}

static void
icmp_echoes_meet_by_id(void **state)
{
	struct capture_flows *t = capture_flows_new(0);
	const struct capture_flow *f[4];

	(void)state;
	feed(t, 1, 1, 2, 8, 77, 56, T0, 0);	/* request, id 77 */
	feed(t, 1, 2, 1, 0, 77, 56, T0, 1);	/* reply */
	feed(t, 1, 1, 2, 8, 78, 56, T0, 2);	/* another ping */
	feed(t, 17, 1, 2, 1, 2, 0, T0, 3);
	assert_int_equal(capture_flows_count(t), 3);
	capture_flows_list(t, f, 4, FLOW_BY_PACKETS, T0);
	assert_int_equal(f[0]->proto, 1);
	assert_int_equal(f[0]->icmp, FLOW_ICMP_ECHO_ID);
	assert_int_equal(f[0]->a.port, 77);
	assert_int_equal(f[0]->packets[0], 1);
	assert_int_equal(f[0]->packets[1], 1);
	assert_int_equal(capture_flows_other(t), 0);
	/* An echo of id 3 and a message of type 3: two flows. */
	feed(t, 1, 1, 2, 8, 3, 56, T0, 4);
	feed(t, 1, 1, 2, 3, 0, 56, T0, 5);
	assert_int_equal(capture_flows_count(t), 5);
	capture_flows_free(t);
}

static void
history_and_rate_follow_packet_time(void **state)
{
	struct capture_flows *t = capture_flows_new(0);
	const struct capture_flow *f[2];

	(void)state;
	feed(t, 17, 1, 2, 1, 2, 958, T0, 0);		/* 1000 bytes */
	feed(t, 17, 1, 2, 1, 2, 958, T0 + 1, 0);
	feed(t, 17, 1, 2, 1, 2, 958, T0 + 1, 1);
	feed(t, 17, 1, 2, 1, 2, 458, T0 + 3, 0);	/* 500 */
	capture_flows_list(t, f, 2, FLOW_BY_RATE, T0 + 3);
	assert_int_equal(capture_flows_newest(t), T0 + 3);
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 3, 0), 500);
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 3, 1), 0);
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 3, 2), 2000);
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 3, 3), 1000);
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 3, 4), 0);
	assert_true(capture_flow_rate(f[0], T0 + 3) == 3500.0 / 5);
	/* Seconds after the last packet are 0; the last stays readable
	 * until a later packet pushes it out of the history. */
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 60, 0), 0);
	assert_int_equal(capture_flow_bytes_at(f[0], T0 + 60, 57), 500);
	feed(t, 17, 1, 2, 1, 2, 458, T0 + 3 + CAPTURE_FLOW_HISTORY + 1, 0);
	assert_int_equal(capture_flow_bytes_at(f[0],
	    T0 + 3 + CAPTURE_FLOW_HISTORY + 1, 0), 500);
	assert_int_equal(capture_flow_bytes_at(f[0],
	    T0 + 3 + CAPTURE_FLOW_HISTORY + 1, 1), 0);
	assert_true(capture_flow_rate(f[0], T0 + 1000) == 0.0);
	capture_flows_free(t);
}

static void
sorts_by_bytes_packets_or_rate(void **state)
{
	struct capture_flows *t = capture_flows_new(0);
	const struct capture_flow *f[3];
	int i;

	(void)state;
	for (i = 0; i < 5; i++)		/* many small, long ago */
		feed(t, 17, 1, 2, 1000, 9, 0, T0, i);
	feed(t, 17, 1, 2, 2000, 9, 1400, T0, 9);	/* one big, long ago */
	feed(t, 17, 1, 2, 3000, 9, 300, T0 + 20, 0);	/* recent */
	capture_flows_list(t, f, 3, FLOW_BY_BYTES, T0 + 20);
	assert_int_equal(f[0]->a.port, 2000);
	capture_flows_list(t, f, 3, FLOW_BY_PACKETS, T0 + 20);
	assert_int_equal(f[0]->a.port, 1000);
	capture_flows_list(t, f, 3, FLOW_BY_RATE, T0 + 20);
	assert_int_equal(f[0]->a.port, 3000);
	assert_int_equal(capture_flows_list(t, f, 1, FLOW_BY_RATE, T0), 1);
	capture_flows_free(t);
}

static void
full_table_evicts_the_longest_idle(void **state)
{
	struct capture_flows *t = capture_flows_new(3);
	const struct capture_flow *f[3];
	int i;
	bool seen[5] = { false };

	(void)state;
	feed(t, 17, 1, 2, 1, 9, 0, T0, 0);
	feed(t, 17, 1, 2, 2, 9, 0, T0, 1);
	feed(t, 17, 1, 2, 3, 9, 0, T0, 2);
	feed(t, 17, 2, 1, 9, 1, 0, T0, 3);	/* port 1 is busy again */
	feed(t, 17, 1, 2, 4, 9, 0, T0, 4);	/* port 2 goes */
	assert_int_equal(capture_flows_count(t), 3);
	assert_int_equal(capture_flows_evicted(t), 1);
	capture_flows_list(t, f, 3, FLOW_BY_BYTES, T0);
	for (i = 0; i < 3; i++)
		seen[f[i]->a.port] = true;
	assert_true(seen[1] && seen[3] && seen[4] && !seen[2]);
	feed(t, 17, 1, 2, 1, 9, 0, T0, 5);	/* found again after eviction */
	assert_int_equal(capture_flows_evicted(t), 1);
	capture_flows_clear(t);
	assert_int_equal(capture_flows_count(t), 0);
	capture_flows_free(t);
}

static void
non_ip_counts_as_other(void **state)
{
	struct capture_flows *t = capture_flows_new(0);
	static struct dissect d;
	uint8_t arp[42] = { [12] = 0x08, [13] = 0x06 };
	struct capture_pkt p = { .len = 42, .caplen = 42,
	    .linktype = LINKTYPE_ETHERNET, .data = arp };

	(void)state;
	dissect_packet(p.linktype, p.data, p.caplen, &d);
	capture_flows_add(t, &p, &d);
	assert_int_equal(capture_flows_count(t), 0);
	assert_int_equal(capture_flows_other(t), 1);
	capture_flows_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(both_directions_are_one_flow),
		cmocka_unit_test(icmp_echoes_meet_by_id),
		cmocka_unit_test(history_and_rate_follow_packet_time),
		cmocka_unit_test(sorts_by_bytes_packets_or_rate),
		cmocka_unit_test(full_table_evicts_the_longest_idle),
		cmocka_unit_test(non_ip_counts_as_other),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
