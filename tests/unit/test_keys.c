/* test_keys.c: key tables are consistent, and the docs come from them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <curses.h>

#include "../../ui/keys.h"
#include "../../ui/pane.h"
#include "../../ui/panes.h"

static void
no_key_is_bound_twice(void **state)
{
	const struct key_binding *a, *b;
	size_t i;

	(void)state;
	for (a = keys_global; a->key != 0; a++)
		for (b = a + 1; b->key != 0; b++)
			assert_int_not_equal(a->key, b->key);
	/* A pane may take a letter (an input line), never a screen key. */
	for (i = 0; i < panes_count; i++)
		for (a = panes_all[i]->keys; a != NULL && a->key != 0; a++)
			if (a->key > 0x7e || a->key == '\t')
				assert_null(keys_lookup(keys_global, a->key));
}

static void
every_pane_has_the_parts_the_screen_needs(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(panes_count, 4);
	for (i = 0; i < panes_count; i++) {
		assert_non_null(panes_all[i]->name);
		assert_non_null(panes_all[i]->title);
		assert_non_null(panes_all[i]->draw);
		assert_non_null(panes_all[i]->keys);
	}
	assert_string_equal(panes_all[0]->title, "Chat");
	assert_string_equal(panes_all[1]->title, "Sockets");
	assert_string_equal(panes_all[2]->title, "Scanner");
	assert_string_equal(panes_all[3]->title, "Capture");
}

static void
help_and_man_list_every_key(void **state)
{
	const struct key_binding *kb;
	struct strbuf text, man;
	char name[16], want[32];

	(void)state;
	sb_init(&text);
	sb_init(&man);
	keys_format_all(&text, false);
	keys_format_all(&man, true);
	for (kb = keys_global; kb->key != 0; kb++) {
		keys_name(kb->key, name, sizeof name);
		snprintf(want, sizeof want, ".B %s\n", name);
		assert_non_null(strstr(man.buf, want));
		assert_non_null(strstr(text.buf, kb->help));
	}
	assert_non_null(strstr(text.buf, "Capture pane"));
	sb_free(&text);
	sb_free(&man);
}

static void
key_names(void **state)
{
	char name[16];

	(void)state;
	keys_name(KEY_F(10), name, sizeof name);
	assert_string_equal(name, "F10");
	keys_name(KEY_BTAB, name, sizeof name);
	assert_string_equal(name, "S-Tab");
	keys_name(12, name, sizeof name);
	assert_string_equal(name, "C-l");
	keys_name('z', name, sizeof name);
	assert_string_equal(name, "z");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_key_is_bound_twice),
		cmocka_unit_test(every_pane_has_the_parts_the_screen_needs),
		cmocka_unit_test(help_and_man_list_every_key),
		cmocka_unit_test(key_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
