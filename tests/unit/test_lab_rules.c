/* test_lab_rules.c: the lab's nftables text and its option parsing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/lab/lab.h"
#include "../../src/lab/lab_rules.h"
#include "../../src/lab/lab_topology.h"

static void
cone_and_symmetric_nat(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb);
	lab_rules_nat(&sb, "lan0", "wan0", LAB_NAT_CONE);
	assert_non_null(strstr(sb.buf, "table inet pl_nat {}\ndelete table inet pl_nat\n"));
	assert_non_null(strstr(sb.buf, "oifname \"wan0\" meta nfproto ipv4 masquerade\n"));
	assert_null(strstr(sb.buf, "fully-random"));
	assert_non_null(strstr(sb.buf, "policy drop"));
	sb_reset(&sb);
	lab_rules_nat(&sb, "lan0", "wan0", LAB_NAT_SYMMETRIC);
	assert_non_null(strstr(sb.buf, "masquerade fully-random"));
	sb_free(&sb);
}

static void
loss_rules(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb);
	lab_rules_loss(&sb, "eth0", 20);
	assert_non_null(strstr(sb.buf, "iifname \"eth0\" numgen random mod 100 < 20"));
	assert_non_null(strstr(sb.buf, "oifname \"eth0\" numgen random mod 100 < 20"));
	sb_reset(&sb);
	lab_rules_loss(&sb, "eth0", 0);		/* only removes the table */
	assert_null(strstr(sb.buf, "numgen"));
	assert_non_null(strstr(sb.buf, "delete table inet pl_loss"));
	sb_free(&sb);
}

static void
loss_options(void **state)
{
	struct lab_options o;
	char err[160];

	(void)state;
	lab_options_init(&o);
	assert_int_equal(lab_options_add_loss(&o, "nat-a=20", err, sizeof err), 0);
	assert_string_equal(o.loss[0].node, "nat-a");
	assert_int_equal(o.loss[0].pct, 20);
	assert_int_equal(lab_options_add_loss(&o, "nat-a", err, sizeof err), -1);
	assert_int_equal(lab_options_add_loss(&o, "mars=5", err, sizeof err), -1);
	assert_int_equal(lab_options_add_loss(&o, "pub=5", err, sizeof err), -1);
	assert_int_equal(lab_options_add_loss(&o, "far=101", err, sizeof err), -1);
	assert_int_equal(lab_options_add_loss(&o, "far=5x", err, sizeof err), -1);
	assert_int_equal(lab_options_add_loss(&o, "far=", err, sizeof err), -1);
	assert_non_null(strstr(err, "percentage"));
}

static void
topology_is_consistent(void **state)
{
	enum lab_nat_mode m;
	size_t i;

	(void)state;
	for (i = 0; i < lab_nlinks; i++) {
		assert_non_null(lab_node_find(lab_links[i].a.node));
		assert_non_null(lab_node_find(lab_links[i].b.node));
	}
	assert_non_null(lab_node_find("alice"));
	assert_non_null(lab_node_find("rendezvous"));
	assert_null(lab_node_find("mallory"));
	assert_int_equal(lab_nat_mode_parse("symmetric", &m), 0);
	assert_int_equal(m, LAB_NAT_SYMMETRIC);
	assert_int_equal(lab_nat_mode_parse("full-cone", &m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cone_and_symmetric_nat),
		cmocka_unit_test(loss_rules),
		cmocka_unit_test(loss_options),
		cmocka_unit_test(topology_is_consistent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
