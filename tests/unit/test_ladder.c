/* test_ladder.c: the ladder model on hand-built packets: copies of one
 * datagram seen along the lab's path merge into one arrow with the
 * addresses before and after each NAT; a probe that stops at the far
 * NAT's public side is dropped there; arrows end after the grace, in
 * capture-time order; without roles, a column per endpoint. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "../../protocols/dissect.h"
#include "../../src/capture/ladder.h"

#define ALICE	"192.168.10.2"
#define NAT_A	"198.51.100.2"
#define RDV	"198.51.100.10"
#define NAT_B	"198.51.100.3"
#define BOB	"192.168.20.2"

static struct dissect d;

/* The lab's roles and taps, as src/main.c makes them from the topology. */
static void
lab_roles(struct ladder_roles *r)
{
	static const char *names[] = { "alice", "nat-a", "rendezvous", "nat-b",
	    "bob" };
	static const char *addrs[][2] = { { ALICE, NULL },
	    { "192.168.10.1", NAT_A }, { RDV, NULL }, { NAT_B, "192.168.20.1" },
	    { BOB, NULL } };
	static const char *taps[] = { "alice:eth0", "nat-a:lan0", "nat-a:wan0",
	    "rendezvous:eth0", "nat-b:wan0", "nat-b:lan0", "bob:eth0" };
	size_t i, k;

	memset(r, 0, sizeof *r);
	for (i = 0; i < 5; i++) {
		snprintf(r->role[i].name, sizeof r->role[i].name, "%s", names[i]);
		r->role[i].nat = names[i][0] == 'n';
		for (k = 0; k < 2 && addrs[i][k] != NULL; k++)
			snprintf(r->role[i].addr[r->role[i].naddr++],
			    LADDER_ADDR_LEN, "%s", addrs[i][k]);
	}
	r->nrole = 5;
	for (i = 0; i < 7; i++)
		snprintf(r->tap[i], sizeof r->tap[i], "%s", taps[i]);
	r->ntap = 7;
}

/* A raw IPv4/UDP packet carrying a mesh datagram of type (a probe's body
 * or an empty hello-less chat stand-in: only the header matters here). */
static size_t
mesh_packet(uint8_t *buf, const char *src, uint16_t sport, const char *dst,
    uint16_t dport, uint8_t type, uint64_t sender, uint32_t seq)
{
	struct mesh_header h = { MESH_VERSION, type, 0, 0, sender, seq };
	struct mesh_body b = { .u.token = 0x1234 };
	uint8_t body[64];
	size_t blen = 0, mlen, total;

	assert_true(mesh_build_body(type, &b, body, sizeof body, &blen));
	mlen = mesh_build(&h, body, blen, buf + 28, 200);
	assert_true(mlen > 0);
	total = 28 + mlen;
	memset(buf, 0, 28);
	buf[0] = 0x45;
	buf[2] = (uint8_t)(total >> 8);
	buf[3] = (uint8_t)total;
	buf[8] = 64;
	buf[9] = 17;
	inet_pton(AF_INET, src, buf + 12);
	inet_pton(AF_INET, dst, buf + 16);
	buf[20] = (uint8_t)(sport >> 8);
	buf[21] = (uint8_t)sport;
	buf[22] = (uint8_t)(dport >> 8);
	buf[23] = (uint8_t)dport;
	buf[24] = (uint8_t)((8 + mlen) >> 8);
	buf[25] = (uint8_t)(8 + mlen);
	return total;
}

/* One copy seen at where, ms milliseconds into the capture. */
static bool
seen(struct ladder *l, const char *where, long ms, const char *src,
    uint16_t sport, const char *dst, uint16_t dport, uint8_t type,
    uint64_t sender, uint32_t seq)
{
	uint8_t buf[256];
	struct capture_pkt p = { 0 };

	p.caplen = p.len = (uint32_t)mesh_packet(buf, src, sport, dst, dport,
	    type, sender, seq);
	p.linktype = LINKTYPE_RAW;
	p.data = buf;
	p.ts.tv_sec = 1000 + ms / 1000;
	p.ts.tv_usec = (ms % 1000) * 1000;
	p.where = where;
	dissect_packet(p.linktype, p.data, p.caplen, &d);
	return ladder_add(l, &p, &d);
}

static struct timeval
at(long ms)
{
	struct timeval tv = { 1000 + ms / 1000, (ms % 1000) * 1000 };

	return tv;
}

/* A ladder with the lab's roles, keeping 16 arrows. */
static struct ladder *
lab_ladder(void)
{
	struct ladder_roles roles;
	struct ladder *l;

	lab_roles(&roles);
	assert_non_null(l = ladder_new(&roles, 16));
	return l;
}

static void
probe_dropped_at_far_nat(void **state)
{
	struct ladder *l = lab_ladder();
	const struct ladder_arrow *a;

	(void)state;
	/* nat-b's LAN side carries traffic (a keepalive to the rendezvous)... */
	seen(l, "nat-b:lan0", 0, BOB, 12345, RDV, 12345, MESH_KEEPALIVE, 0xb0b, 1);
	seen(l, "nat-b:wan0", 0, NAT_B, 12345, RDV, 12345, MESH_KEEPALIVE, 0xb0b, 1);
	/* ...but alice's probe to bob's public face never gets onto it. */
	assert_true(seen(l, "alice:eth0", 10, ALICE, 12345, NAT_B, 12345,
	    MESH_PROBE, 0xa11ce, 7));
	seen(l, "nat-a:wan0", 10, NAT_A, 12345, NAT_B, 12345, MESH_PROBE,
	    0xa11ce, 7);
	seen(l, "nat-a:lan0", 10, ALICE, 12345, NAT_B, 12345, MESH_PROBE,
	    0xa11ce, 7);
	seen(l, "nat-b:wan0", 10, NAT_A, 12345, NAT_B, 12345, MESH_PROBE,
	    0xa11ce, 7);
	/* bob's probe to alice's private address dies past nat-b. */
	seen(l, "bob:eth0", 11, BOB, 12345, ALICE, 12345, MESH_PROBE, 0xb0b, 2);
	seen(l, "nat-b:wan0", 11, NAT_B, 12345, ALICE, 12345, MESH_PROBE,
	    0xb0b, 2);
	assert_int_equal(ladder_count(l), 3);
	assert_int_equal(ladder_flush(l, NULL, NULL, NULL), 3);
	a = ladder_get(l, 0);
	assert_string_equal(ladder_column_name(l, a->from), "bob");
	assert_string_equal(ladder_column_name(l, a->to), "rendezvous");
	assert_int_equal(a->dropped_at, -1);
	assert_false(a->lost);
	a = ladder_get(l, 2);
	assert_string_equal(ladder_column_name(l, a->to), "alice");
	assert_int_equal(a->dropped_at, -1);
	assert_true(a->lost);
	assert_string_equal(ladder_after(a)->where, "nat-b:wan0");
	a = ladder_get(l, 1);
	assert_int_equal(a->ncopy, 4);
	assert_int_equal(a->type, MESH_PROBE);
	assert_string_equal(ladder_column_name(l, a->from), "alice");
	assert_string_equal(ladder_column_name(l, a->to), "nat-b");
	assert_string_equal(ladder_column_name(l, a->dropped_at), "nat-b");
	assert_false(a->lost);
	assert_string_equal(ladder_before(a)->src, ALICE ":12345");
	assert_string_equal(ladder_before(a)->where, "alice:eth0");
	assert_string_equal(ladder_after(a)->src, NAT_A ":12345");
	assert_string_equal(ladder_after(a)->where, "nat-b:wan0");
	ladder_free(l);
}

static void
probe_through_both_nats(void **state)
{
	struct ladder *l = lab_ladder();
	const struct ladder_arrow *a;

	(void)state;
	/* Copies in the order several handles may hand them on. */
	seen(l, "nat-a:lan0", 20, NAT_B, 40000, ALICE, 12345, MESH_PROBE, 0xb0b, 9);
	seen(l, "bob:eth0", 20, BOB, 12345, NAT_B, 12345, MESH_PROBE, 0xb0b, 9);
	seen(l, "nat-a:wan0", 20, NAT_B, 40000, NAT_A, 12345, MESH_PROBE, 0xb0b, 9);
	seen(l, "nat-b:wan0", 20, NAT_B, 40000, NAT_A, 12345, MESH_PROBE, 0xb0b, 9);
	seen(l, "alice:eth0", 20, NAT_B, 40000, ALICE, 12345, MESH_PROBE, 0xb0b, 9);
	seen(l, "nat-b:lan0", 20, BOB, 12345, NAT_A, 12345, MESH_PROBE, 0xb0b, 9);
	/* Another datagram of the same sender is another arrow. */
	seen(l, "bob:eth0", 21, BOB, 12345, NAT_A, 12345, MESH_PROBE, 0xb0b, 10);
	assert_int_equal(ladder_count(l), 2);
	ladder_flush(l, NULL, NULL, NULL);
	a = ladder_get(l, 0);
	assert_int_equal(a->ncopy, 6);
	assert_string_equal(ladder_column_name(l, a->from), "bob");
	assert_string_equal(ladder_column_name(l, a->to), "alice");
	assert_int_equal(a->dropped_at, -1);
	assert_string_equal(ladder_before(a)->where, "bob:eth0");
	assert_string_equal(ladder_before(a)->src, BOB ":12345");
	assert_string_equal(ladder_after(a)->where, "alice:eth0");
	assert_string_equal(ladder_after(a)->src, NAT_B ":40000");
	assert_string_equal(ladder_after(a)->dst, ALICE ":12345");
	/* The path in order: bob's side, then alice's. */
	assert_string_equal(a->copy[1].where, "nat-b:lan0");
	assert_string_equal(a->copy[2].where, "nat-b:wan0");
	assert_string_equal(a->copy[3].where, "nat-a:wan0");
	ladder_free(l);
}

static void
count_arrow(const struct ladder *l, const struct ladder_arrow *a, void *arg)
{
	(void)l;
	(void)a;
	(*(int *)arg)++;
}

static void
grace_and_time_order(void **state)
{
	struct ladder *l = lab_ladder();
	struct timeval now;
	int n = 0;

	(void)state;
	/* Handed on late but taken first: it goes first. */
	seen(l, "rendezvous:eth0", 105, RDV, 12345, NAT_A, 12345,
	    MESH_PROBE, 0x4d5, 2);
	seen(l, "rendezvous:eth0", 100, RDV, 12345, NAT_B, 12345, MESH_PROBE,
	    0x4d5, 1);
	assert_int_equal(ladder_get(l, 0)->seq, 1);
	/* A copy of the second one taken before both: it goes first. */
	seen(l, "nat-a:wan0", 99, RDV, 12345, NAT_A, 12345, MESH_PROBE, 0x4d5, 2);
	now = at(300);
	assert_int_equal(ladder_flush(l, &now, NULL, NULL), 0);
	assert_int_equal(ladder_get(l, 0)->seq, 2);
	assert_int_equal(ladder_get(l, 1)->seq, 1);
	/* The first waits for its last copy's grace; the second, though
	 * old enough, waits for the first. */
	now = at(404);
	assert_int_equal(ladder_flush(l, &now, count_arrow, &n), 0);
	assert_false(ladder_get(l, 1)->done);
	now = at(405);
	assert_int_equal(ladder_flush(l, &now, count_arrow, &n), 2);
	assert_true(ladder_get(l, 1)->done);
	assert_int_equal(n, 2);
	/* Not at a tap of the table: not on the ladder. */
	assert_false(seen(l, "rendezvous:lo", 500, "127.0.0.1", 1, "127.0.0.1",
	    2, MESH_PROBE, 0x4d5, 3));
	/* A full ring lets the oldest go. */
	for (n = 0; n < 20; n++)
		seen(l, "rendezvous:eth0", 600 + n, RDV, 12345, NAT_B, 12345,
		    MESH_PROBE, 0x4d5, 10 + (uint32_t)n);
	assert_int_equal(ladder_count(l), 16);
	assert_int_equal(ladder_get(l, 15)->seq, 29);
	ladder_free(l);
}

static void
columns_per_endpoint_without_roles(void **state)
{
	struct ladder *l;
	const struct ladder_arrow *a;

	(void)state;
	assert_non_null(l = ladder_new(NULL, 16));
	assert_true(seen(l, "", 0, "127.0.0.1", 4000, "127.0.0.1", 5000,
	    MESH_PROBE, 1, 1));
	assert_true(seen(l, "", 1, "127.0.0.1", 5000, "127.0.0.1", 4000,
	    MESH_PROBE_ACK, 2, 1));
	ladder_flush(l, NULL, NULL, NULL);
	assert_int_equal(ladder_columns(l), 2);
	a = ladder_get(l, 1);
	assert_string_equal(ladder_column_name(l, a->from), "127.0.0.1:5000");
	assert_string_equal(ladder_column_name(l, a->to), "127.0.0.1:4000");
	assert_int_equal(a->dropped_at, -1);
	ladder_clear(l);
	assert_int_equal(ladder_count(l), 0);
	assert_int_equal(ladder_columns(l), 0);
	ladder_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(probe_dropped_at_far_nat),
		cmocka_unit_test(probe_through_both_nats),
		cmocka_unit_test(grace_and_time_order),
		cmocka_unit_test(columns_per_endpoint_without_roles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
