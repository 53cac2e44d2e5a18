/* test_reader.c: the bounds-checked cursor never reads past the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../protocols/reader.h"

static void
reads_big_endian_fields(void **state)
{
	static const uint8_t buf[] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 };
	struct reader rd;

	(void)state;
	rd_init(&rd, buf, sizeof buf);
	assert_int_equal(rd_u8(&rd), 0x01);
	assert_int_equal(rd_be16(&rd), 0x0203);
	assert_int_equal(rd_be32(&rd), 0x04050607);
	assert_false(rd.truncated);
	assert_int_equal(rd_left(&rd), 0);
}

static void
short_read_returns_zero_and_sticks(void **state)
{
	static const uint8_t buf[] = { 0xaa, 0xbb, 0xcc };
	struct reader rd;

	(void)state;
	rd_init(&rd, buf, sizeof buf);
	assert_int_equal(rd_be16(&rd), 0xaabb);
	assert_int_equal(rd_be32(&rd), 0);	/* only one byte left */
	assert_true(rd.truncated);
	assert_int_equal(rd_u8(&rd), 0);	/* sticky: 0xcc is not read */
	assert_int_equal(rd_left(&rd), 0);
}

static void
sub_reader_is_bounded(void **state)
{
	static const uint8_t buf[] = { 1, 2, 3, 4, 5 };
	struct reader rd, sub;

	(void)state;
	rd_init(&rd, buf, sizeof buf);
	rd_skip(&rd, 1);
	sub = rd_sub(&rd, 2);
	assert_int_equal(rd_be16(&sub), 0x0203);
	assert_int_equal(rd_u8(&sub), 0);
	assert_true(sub.truncated);
	assert_false(rd.truncated);
	assert_int_equal(rd_u8(&rd), 4);
	sub = rd_sub(&rd, 9);			/* asks for more than there is */
	assert_true(sub.truncated);
	assert_int_equal(rd_left(&sub), 1);
	assert_true(rd.truncated);
}

static void
bytes_and_empty_buffers(void **state)
{
	uint8_t out[4] = { 9, 9, 9, 9 };
	struct reader rd;

	(void)state;
	rd_init(&rd, NULL, 10);
	assert_int_equal(rd_left(&rd), 0);
	assert_false(rd_bytes(&rd, out, sizeof out));
	assert_int_equal(out[0], 0);
	assert_true(rd.truncated);
	rd_init(&rd, "abcd", 4);
	assert_true(rd_bytes(&rd, out, 4));
	assert_memory_equal(out, "abcd", 4);
	assert_false(rd_skip(&rd, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_big_endian_fields),
		cmocka_unit_test(short_read_returns_zero_and_sticks),
		cmocka_unit_test(sub_reader_is_bounded),
		cmocka_unit_test(bytes_and_empty_buffers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
