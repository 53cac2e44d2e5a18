/* test_sources.c: per-source token buckets and the bounded source table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <arpa/inet.h>

#include "../../src/mesh/mesh_sources.h"

static struct sockaddr_in6
addr(int n)
{
	struct sockaddr_in6 a;

	memset(&a, 0, sizeof a);
	a.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &a.sin6_addr);
	a.sin6_port = htons((uint16_t)(1000 + n));
	return a;
}

static void
bucket_allows_a_burst_then_the_rate(void **state)
{
	struct bucket b = { -1, 0 };
	int i, allowed = 0;

	(void)state;
	for (i = 0; i < 50; i++)
		allowed += bucket_take(&b, 0.0, 5, 10);
	assert_int_equal(allowed, 10);
	assert_false(bucket_take(&b, 0.1, 5, 10));	/* half a token */
	assert_true(bucket_take(&b, 0.2, 5, 10));	/* one refilled */
	assert_false(bucket_take(&b, 0.2, 5, 10));
	for (i = 0, allowed = 0; i < 50; i++)		/* never above burst */
		allowed += bucket_take(&b, 100.0, 5, 10);
	assert_int_equal(allowed, 10);
}

static void
table_finds_the_same_source(void **state)
{
	static struct sources t;
	struct sockaddr_in6 a = addr(1), b = addr(2);
	struct source *sa = sources_get(&t, &a, 1.0);

	(void)state;
	sa->told_mode = true;
	assert_ptr_equal(sources_get(&t, &a, 2.0), sa);
	assert_true(sources_get(&t, &a, 2.0)->told_mode);
	assert_ptr_not_equal(sources_get(&t, &b, 2.0), sa);
}

static void
table_stays_bounded_under_a_flood(void **state)
{
	static struct sources t;
	struct sockaddr_in6 a;
	struct source *s;
	int i;

	(void)state;
	for (i = 0; i < 100000; i++) {
		a = addr(i);
		s = sources_get(&t, &a, (double)i);
		assert_non_null(s);
		assert_true(s >= t.slot && s < t.slot + SOURCES_SLOTS);
	}
	s->told_mode = true;		/* the newest is still there */
	a = addr(99999);
	assert_true(sources_get(&t, &a, 1e6)->told_mode);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bucket_allows_a_burst_then_the_rate),
		cmocka_unit_test(table_finds_the_same_source),
		cmocka_unit_test(table_stays_bounded_under_a_flood),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
