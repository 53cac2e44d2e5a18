/* test_icmp_echo.c: echo requests built and read back, replies by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/icmp_echo.h"

static uint16_t
fold(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)(p[n - 1] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

static void
request_built_and_read(void **state)
{
	uint8_t pkt[64];
	size_t n = icmp_echo_build(pkt, sizeof pkt, false, 0x1234, 7,
	    (const uint8_t *)"hello", 5);
	struct icmp_echo e;

	(void)state;
	assert_int_equal(n, 13);
	assert_int_equal(pkt[0], 8);
	assert_int_equal(fold(pkt, n), 0xffff);	/* the checksum adds up */
	assert_false(icmp_echo_read6(pkt, n, &e));	/* type 8 is not ICMPv6 */
	assert_int_equal(icmp_echo_build(pkt, 12, false, 1, 1,
	    (const uint8_t *)"hello", 5), 0);		/* does not fit */
	n = icmp_echo_build(pkt, sizeof pkt, true, 0x1234, 7, NULL, 0);
	assert_int_equal(pkt[0], 128);
	assert_int_equal(pkt[2] | pkt[3], 0);		/* the kernel's job */
	assert_true(icmp_echo_read6(pkt, n, &e));
	assert_false(e.reply);
	assert_int_equal(e.id, 0x1234);
	assert_int_equal(e.seq, 7);
}

static void
reply_in_ipv4(void **state)
{
	uint8_t pkt[40] = { 0x45, 0, 0, 35, 0, 0, 0, 0, 61, 1, 0, 0,
	    203, 0, 113, 10, 192, 168, 10, 2,
	    0, 0, 0, 0, 0x12, 0x34, 0, 9, 'p', 'o', 'n', 'g' };
	struct icmp_echo e;
	size_t cut;

	(void)state;
	assert_true(icmp_echo_read4(pkt, 32, &e));
	assert_true(e.reply);
	assert_int_equal(e.id, 0x1234);
	assert_int_equal(e.seq, 9);
	assert_int_equal(e.ttl, 61);
	assert_int_equal(e.datalen, 4);
	assert_memory_equal(e.data, "pong", 4);
	assert_int_equal(e.from.a[0], 203);
	for (cut = 0; cut < 28; cut++)
		assert_false(icmp_echo_read4(pkt, cut, &e));
	pkt[20] = 3;					/* not an echo */
	assert_false(icmp_echo_read4(pkt, 32, &e));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(request_built_and_read),
		cmocka_unit_test(reply_in_ipv4),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
