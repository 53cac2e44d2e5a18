/* test_theme.c: theme files parse, and bad ones say which line is wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../ui/theme.h"

static void
parses_roles_colours_and_attributes(void **state)
{
	const char text[] = "# comment\n\nborder_focus yellow default bold reverse\n"
	    "status black cyan   # trailing comment\r\n";
	struct theme t;
	char err[128];

	(void)state;
	assert_int_equal(theme_parse(text, strlen(text), &t, err, sizeof err), 0);
	assert_true(t.style[ROLE_BORDER_FOCUS].set);
	assert_int_equal(t.style[ROLE_BORDER_FOCUS].fg, 3);
	assert_int_equal(t.style[ROLE_BORDER_FOCUS].bg, -1);
	assert_int_equal(t.style[ROLE_BORDER_FOCUS].attrs,
	    THEME_BOLD | THEME_REVERSE);
	assert_int_equal(t.style[ROLE_STATUS].bg, 6);
	assert_false(t.style[ROLE_TEXT].set);
}

static void
expect_error(const char *text, size_t len, const char *want)
{
	struct theme t;
	char err[128] = "";

	assert_int_equal(theme_parse(text, len, &t, err, sizeof err), -1);
	if (strstr(err, want) == NULL)
		fail_msg("error '%s' does not mention '%s'", err, want);
}

static void
bad_lines_name_the_line(void **state)
{
	char longline[400];

	(void)state;
	expect_error("text red\n", 9, "line 1: want");
	expect_error("\nnope red blue\n", 15, "line 2: unknown role");
	expect_error("text pink blue\n", 15, "unknown colour");
	expect_error("text red blue blink\n", 20, "unknown attribute");
	expect_error("text red\0 blue\n", 15, "NUL byte");
	memset(longline, 'a', sizeof longline);
	expect_error(longline, sizeof longline, "longer than");
}

static void
shipped_themes_parse(void **state)
{
	const char *names[] = { "assets/themes/default.theme",
	    "assets/themes/mono.theme" };
	char buf[8192], err[128];
	struct theme t;
	size_t i, n;
	FILE *f;
	int role;

	(void)state;
	for (i = 0; i < 2; i++) {
		f = fopen(names[i], "r");
		assert_non_null(f);
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		if (theme_parse(buf, n, &t, err, sizeof err) != 0)
			fail_msg("%s: %s", names[i], err);
		for (role = 0; role < ROLE_COUNT; role++)
			assert_true(t.style[role].set);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_roles_colours_and_attributes),
		cmocka_unit_test(bad_lines_name_the_line),
		cmocka_unit_test(shipped_themes_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
