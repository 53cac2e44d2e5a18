/* test_storage_rs.c: Reed-Solomon on ISA-L: any k of k + m blocks give
 * back all of them; fewer than k change nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/storage/storage_rs.h"

#define K	8
#define M	4
#define LEN	1024

static uint8_t orig[K + M][LEN], work[K + M][LEN];
static uint8_t *ptr[K + M];

static void
encode_all(struct storage_rs *rs)
{
	int i;

	srand(8);
	for (i = 0; i < K; i++)
		for (int j = 0; j < LEN; j++)
			orig[i][j] = (uint8_t)rand();
	for (i = 0; i < K + M; i++)
		ptr[i] = orig[i];
	storage_rs_encode(rs, ptr, ptr + K, LEN);
	for (i = 0; i < K + M; i++)
		ptr[i] = work[i];
}

/* Erases the blocks whose bit is set in mask, rebuilds, compares. */
static int
erase_and_rebuild(const struct storage_rs *rs, unsigned mask)
{
	bool have[K + M];
	int i;

	memcpy(work, orig, sizeof work);
	for (i = 0; i < K + M; i++) {
		have[i] = !(mask & (1u << i));
		if (!have[i])
			memset(work[i], 0xee, LEN);
	}
	if (storage_rs_rebuild(rs, ptr, have, LEN) != 0)
		return -1;
	return memcmp(work, orig, sizeof work) == 0 ? 0 : 1;
}

static void
every_erasure_of_up_to_m(void **state)
{
	struct storage_rs rs;
	unsigned mask;
	int tried = 0;

	(void)state;
	assert_int_equal(storage_rs_init(&rs, K, M), 0);
	encode_all(&rs);
	for (mask = 0; mask < (1u << (K + M)); mask++)
		if (__builtin_popcount(mask) <= M) {
			assert_int_equal(erase_and_rebuild(&rs, mask), 0);
			tried++;
		}
	assert_int_equal(tried, 1 + 12 + 66 + 220 + 495);
}

static void
more_than_m_erased_is_refused(void **state)
{
	struct storage_rs rs;

	(void)state;
	assert_int_equal(storage_rs_init(&rs, K, M), 0);
	encode_all(&rs);
	assert_int_equal(erase_and_rebuild(&rs, 0x1f), -1);	/* 5 data */
	assert_int_equal(erase_and_rebuild(&rs, 0xf01), -1);	/* 4 parity, 1 data */
	assert_int_equal(storage_rs_init(&rs, 0, 4), -1);
	assert_int_equal(storage_rs_init(&rs, 33, 4), -1);
	assert_int_equal(storage_rs_init(&rs, 8, 17), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_erasure_of_up_to_m),
		cmocka_unit_test(more_than_m_erased_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
