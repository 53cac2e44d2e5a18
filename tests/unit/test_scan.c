/* test_scan.c: port lists, top ports, banners and service guesses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/banner.h"
#include "../../protocols/udp_probe.h"
#include "../../src/scan/scan_ports.h"

static void
port_lists_and_ranges(void **state)
{
	struct port_set ps;
	char err[160];

	(void)state;
	ports_init(&ps);
	assert_int_equal(ports_parse(&ps, "22,80,1-3,80", err, sizeof err), 0);
	assert_int_equal(ps.count, 5);		/* 80 once */
	assert_int_equal(ps.list[0], 22);
	assert_int_equal(ps.list[4], 3);
	assert_true(ports_has(&ps, 2));
	assert_false(ports_has(&ps, 4));
	ports_free(&ps);
	assert_int_equal(ports_parse(&ps, "-", err, sizeof err), 0);
	assert_int_equal(ps.count, 65535);
	ports_free(&ps);
	assert_int_equal(ports_parse(&ps, "65000-", err, sizeof err), 0);
	assert_int_equal(ps.count, 536);
	ports_free(&ps);
}

static void
bad_port_lists(void **state)
{
	const char *bad[] = { "", "0", "65536", "80-70", "a", "22,", ",22",
	    "1-2-3", "99999999999999999999", "22 ", NULL };
	struct port_set ps;
	char err[160];
	size_t i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		ports_init(&ps);
		assert_int_equal(ports_parse(&ps, bad[i], err, sizeof err), -1);
		ports_free(&ps);
	}
}

static void
top_ports(void **state)
{
	const char list[] = "# comment\n80\n443\n\n22\n";
	struct port_set ps;
	char err[160];

	(void)state;
	ports_init(&ps);
	assert_int_equal(ports_add_top(&ps, list, 2, err, sizeof err), 0);
	assert_int_equal(ps.count, 2);
	assert_int_equal(ps.list[1], 443);
	assert_int_equal(ports_add_top(&ps, list, 0, err, sizeof err), 0);
	assert_int_equal(ps.count, 3);
	assert_int_equal(ports_add_top(&ps, list, 9, err, sizeof err), -1);
	ports_free(&ps);
}

static void
banners_and_guesses(void **state)
{
	const char table[] = "# c\nssh prefix SSH-\nsmtp contains ESMTP\n"
	    "tls bytes 1603\nbad bytes 1g\n";
	char out[BANNER_MAX], svc[SERVICE_MAX];

	(void)state;
	banner_clean((const uint8_t *)"\r\nSSH-2.0-x\x01y\r\nmore", 20, out);
	assert_string_equal(out, "SSH-2.0-x.y");
	assert_true(banner_guess(table, strlen(table), (const uint8_t *)"SSH-2.0", 7, svc));
	assert_string_equal(svc, "ssh");
	assert_true(banner_guess(table, strlen(table),
	    (const uint8_t *)"220 x ESMTP\r\n", 13, svc));
	assert_string_equal(svc, "smtp");
	assert_false(banner_guess(table, strlen(table),
	    (const uint8_t *)"220 x\nESMTP", 11, svc));	/* first line only */
	assert_true(banner_guess(table, strlen(table), (const uint8_t *)"\x16\x03\x01", 3, svc));
	assert_string_equal(svc, "tls");
	assert_false(banner_guess(table, strlen(table), (const uint8_t *)"\x16", 1, svc));
}

static void
udp_probe_lines(void **state)
{
	static const char dns[] = "53 1234 0100 00";
	static const char *const bad[] = { "", "0 00", "65536 00", "53 0",
	    "53 zz", "x 00", "53 0g" };
	struct udp_probe p;
	size_t i;

	(void)state;
	assert_true(udp_probe_parse(dns, sizeof dns - 1, &p));
	assert_int_equal(p.port, 53);
	assert_int_equal(p.len, 5);
	assert_int_equal(p.bytes[0], 0x12);
	assert_int_equal(p.bytes[4], 0x00);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(udp_probe_parse(bad[i], strlen(bad[i]), &p));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(udp_probe_lines),
		cmocka_unit_test(port_lists_and_ranges),
		cmocka_unit_test(bad_port_lists),
		cmocka_unit_test(top_ports),
		cmocka_unit_test(banners_and_guesses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
