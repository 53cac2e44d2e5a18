/* test_ev_read.c: the panes read event fields with 0 or "" for a missing
 * one, and never take a field of another type for the one asked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../ui/ev_read.h"

static void
fields_as_they_are(void **state)
{
	struct ev ev;

	(void)state;
	ev_init(&ev, "scan", "done");
	ev_int(&ev, "open", 3);
	ev_real(&ev, "elapsed", 1.5);
	ev_str(&ev, "target", "127.0.0.1");
	assert_int_equal(ev_read_int(&ev, "open"), 3);
	assert_true(ev_read_real(&ev, "elapsed") == 1.5);
	assert_true(ev_read_real(&ev, "open") == 3.0);	/* an int as a real */
	assert_string_equal(ev_read_str(&ev, "target"), "127.0.0.1");
	ev_release(&ev);
}

static void
missing_or_of_another_type(void **state)
{
	struct ev ev;

	(void)state;
	ev_init(&ev, "scan", "done");
	ev_real(&ev, "elapsed", 1.5);
	ev_str(&ev, "open", "3");
	ev_bool(&ev, "banners", true);
	assert_int_equal(ev_read_int(&ev, "closed"), 0);
	assert_int_equal(ev_read_int(&ev, "elapsed"), 0);
	assert_int_equal(ev_read_int(&ev, "open"), 0);
	assert_true(ev_read_real(&ev, "open") == 0);
	assert_true(ev_read_real(&ev, "banners") == 0);
	assert_true(ev_read_real(&ev, "eta") == 0);
	assert_string_equal(ev_read_str(&ev, "why"), "");
	assert_string_equal(ev_read_str(&ev, "elapsed"), "");
	ev_release(&ev);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_as_they_are),
		cmocka_unit_test(missing_or_of_another_type),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
