/* test_dns.c: DNS header, questions, answers, name compression and the
 * loops and forward pointers it must refuse. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/dns.h"

/* example.com A? -> CNAME www.example.com (compressed), A 93.184.216.34 */
static const uint8_t answer[] = {
	0x12, 0x34, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0,
	7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,	/* @12 */
	0, 1, 0, 1,
	0xc0, 12, 0, 5, 0, 1, 0, 0, 0x0e, 0x10, 0, 6,
	3, 'w', 'w', 'w', 0xc0, 12,				/* @41 */
	0xc0, 41, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 93, 184, 216, 34,
};

static void
decodes_compressed_answer(void **state)
{
	struct dns_msg m;

	(void)state;
	assert_int_equal(dns_decode(answer, sizeof answer, &m), DECODE_OK);
	assert_int_equal(m.id, 0x1234);
	assert_true(m.response);
	assert_true(m.rd);
	assert_true(m.ra);
	assert_int_equal(m.rcode, 0);
	assert_int_equal(m.question_count, 1);
	assert_string_equal(m.questions[0].name, "example.com");
	assert_int_equal(m.questions[0].type, DNS_TYPE_A);
	assert_int_equal(m.answer_count, 2);
	assert_string_equal(m.answers[0].name, "example.com");
	assert_string_equal(m.answers[0].target, "www.example.com");
	assert_int_equal(m.answers[0].ttl, 3600);
	assert_string_equal(m.answers[1].name, "www.example.com");
	assert_string_equal(dns_type_name(m.answers[1].type), "A");
	assert_int_equal(m.answers[1].addr[0], 93);
	assert_int_equal(m.answers[1].addr[3], 34);
}

static void
refuses_loops_and_forward_pointers(void **state)
{
	uint8_t self[] = { 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1,
	    0, 1 };
	uint8_t fwd[] = { 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 14, 0, 0,
	    0, 1 };
	struct dns_msg m;

	(void)state;
	assert_int_equal(dns_decode(self, sizeof self, &m), DECODE_BAD);
	assert_int_equal(dns_decode(fwd, sizeof fwd, &m), DECODE_BAD);
}

static void
cut_messages_are_truncated(void **state)
{
	struct dns_msg m;
	size_t n;

	(void)state;
	for (n = 0; n < sizeof answer; n++)
		assert_int_not_equal(dns_decode(answer, n, &m), DECODE_OK);
	assert_int_equal(dns_decode(answer, 11, &m), DECODE_TRUNCATED);
	assert_int_equal(dns_decode(answer, 20, &m), DECODE_TRUNCATED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_compressed_answer),
		cmocka_unit_test(refuses_loops_and_forward_pointers),
		cmocka_unit_test(cut_messages_are_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
