/* test_storage_chunk.c: storage chunks built, read back, and refused when
 * cut, altered or someone else's. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/storage_chunk.h"

static const struct storage_chunk data7 = {
	.kind = STORAGE_DATA, .k = 8, .m = 4, .file_id = 0xdeadbeef,
	.index = 7, .group = 0, .count = 64, .len = 5, .file_size = 65536,
};

static void
crc32c_known_answer(void **state)
{
	(void)state;
	/* RFC 3720 appendix B.4: 32 bytes of zeros. */
	uint8_t zeros[32] = { 0 };

	assert_int_equal(storage_crc32c(0, (const uint8_t *)"123456789", 9),
	    0xe3069283);
	assert_int_equal(storage_crc32c(0, zeros, sizeof zeros), 0x8a9136aa);
	/* In two pieces, as the parser does. */
	assert_int_equal(storage_crc32c(storage_crc32c(0,
	    (const uint8_t *)"1234", 4), (const uint8_t *)"56789", 5), 0xe3069283);
}

static void
data_chunk_round_trip(void **state)
{
	uint8_t buf[64];
	struct storage_chunk c;
	size_t n = storage_chunk_build(buf, sizeof buf, &data7,
	    (const uint8_t *)"hello");

	(void)state;
	assert_int_equal(n, STORAGE_CHUNK_HDR + 5);
	assert_memory_equal(buf, "PLst", 4);
	assert_int_equal(storage_chunk_parse(buf, n, &c), STORAGE_CHUNK_OK);
	assert_int_equal(c.version, 1);
	assert_int_equal(c.kind, STORAGE_DATA);
	assert_int_equal(c.k, 8);
	assert_int_equal(c.m, 4);
	assert_int_equal(c.file_id, 0xdeadbeef);
	assert_int_equal(c.index, 7);
	assert_int_equal(c.count, 64);
	assert_int_equal(c.file_size, 65536);
	assert_int_equal(c.len, 5);
	assert_memory_equal(c.payload, "hello", 5);
	/* Trailing bytes (an echo padded by someone) are ignored. */
	assert_int_equal(storage_chunk_parse(buf, sizeof buf, &c), STORAGE_CHUNK_OK);
}

static void
parity_chunk_round_trip(void **state)
{
	uint8_t buf[STORAGE_CHUNK_HDR + STORAGE_CHUNK_MAX], payload[STORAGE_CHUNK_MAX];
	struct storage_chunk p = data7, c;
	size_t n;

	(void)state;
	memset(payload, 0xa5, sizeof payload);
	p.kind = STORAGE_PARITY;
	p.index = 3;
	p.group = 7;
	p.len = 100;			/* parity is always a full chunk */
	assert_int_equal(storage_chunk_build(buf, sizeof buf, &p, payload), 0);
	p.len = STORAGE_CHUNK_MAX;
	n = storage_chunk_build(buf, sizeof buf, &p, payload);
	assert_int_equal(n, sizeof buf);
	assert_int_equal(storage_chunk_parse(buf, n, &c), STORAGE_CHUNK_OK);
	assert_int_equal(c.kind, STORAGE_PARITY);
	assert_int_equal(c.group, 7);
	p.index = 4;			/* m is 4: parity 0-3 */
	assert_int_equal(storage_chunk_build(buf, sizeof buf, &p, payload), 0);
	p.index = 0;
	p.group = 8;			/* 8 * 8 >= 64 chunks: no such group */
	assert_int_equal(storage_chunk_build(buf, sizeof buf, &p, payload), 0);
}

static void
refused_inputs(void **state)
{
	uint8_t buf[64];
	struct storage_chunk c, bad = data7;
	size_t n = storage_chunk_build(buf, sizeof buf, &data7,
	    (const uint8_t *)"hello"), cut;

	(void)state;
	for (cut = 0; cut < n; cut++)
		assert_int_equal(storage_chunk_parse(buf, cut, &c),
		    STORAGE_CHUNK_TRUNCATED);
	buf[n - 1] ^= 1;		/* one bit of the payload */
	assert_int_equal(storage_chunk_parse(buf, n, &c),
	    STORAGE_CHUNK_BAD_CHECKSUM);
	buf[n - 1] ^= 1;
	buf[9] ^= 1;			/* one bit of the file id */
	assert_int_equal(storage_chunk_parse(buf, n, &c),
	    STORAGE_CHUNK_BAD_CHECKSUM);
	buf[9] ^= 1;
	buf[4] = 2;
	assert_int_equal(storage_chunk_parse(buf, n, &c),
	    STORAGE_CHUNK_BAD_VERSION);
	buf[4] = 1;
	buf[5] = 9;			/* no such kind */
	assert_int_equal(storage_chunk_parse(buf, n, &c), STORAGE_CHUNK_BAD_FIELDS);
	assert_int_equal(storage_chunk_parse((const uint8_t *)"punchline trace "
	    "probe and more", 30, &c), STORAGE_CHUNK_NOT_OURS);
	bad.index = 64;			/* beyond count */
	assert_int_equal(storage_chunk_build(buf, sizeof buf, &bad,
	    (const uint8_t *)"hello"), 0);
	bad = data7;
	bad.group = 1;			/* chunk 7 of k=8 is in group 0 */
	assert_int_equal(storage_chunk_build(buf, sizeof buf, &bad,
	    (const uint8_t *)"hello"), 0);
	assert_int_equal(storage_chunk_build(buf, 20, &data7,
	    (const uint8_t *)"hello"), 0);	/* does not fit */
	assert_string_equal(storage_chunk_status_name(STORAGE_CHUNK_BAD_CHECKSUM),
	    "checksum mismatch");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc32c_known_answer),
		cmocka_unit_test(data_chunk_round_trip),
		cmocka_unit_test(parity_chunk_round_trip),
		cmocka_unit_test(refused_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
