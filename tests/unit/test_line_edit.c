/* test_line_edit.c: the input line of the Chat pane and the forms, and
 * the curses keys that edit it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <curses.h>

#include "../../ui/edit_keys.h"
#include "../../ui/line_edit.h"

static void
type(struct line_edit *l, const char *s)
{
	while (*s != '\0')
		line_insert(l, *s++);
}

static void
editing(void **state)
{
	static struct line_edit l;
	char out[64];

	(void)state;
	line_init(&l);
	type(&l, "helo");
	line_key(&l, LK_LEFT);
	type(&l, "l");
	assert_string_equal(l.buf, "hello");
	line_key(&l, LK_HOME);
	line_key(&l, LK_DELETE);
	assert_string_equal(l.buf, "ello");
	line_key(&l, LK_END);
	type(&l, " caf\xc3\xa9");
	line_key(&l, LK_BACKSPACE);	/* a whole character */
	assert_string_equal(l.buf, "ello caf");
	line_take(&l, out, sizeof out);
	assert_string_equal(out, "ello caf");
	assert_int_equal(l.len, 0);
}

static void
history(void **state)
{
	static struct line_edit l;
	char out[64];

	(void)state;
	line_init(&l);
	type(&l, "one");
	line_take(&l, out, sizeof out);
	type(&l, "two");
	line_take(&l, out, sizeof out);
	line_key(&l, LK_UP);
	assert_string_equal(l.buf, "two");
	line_key(&l, LK_UP);
	assert_string_equal(l.buf, "one");
	line_key(&l, LK_UP);		/* no older one */
	assert_string_equal(l.buf, "one");
	line_key(&l, LK_DOWN);
	assert_string_equal(l.buf, "two");
	line_key(&l, LK_DOWN);
	assert_string_equal(l.buf, "");
}

/* A suggested line (the Mail view's guide) replaces the text, not the
 * history; typing goes on at its end. */
static void
set_keeps_history(void **state)
{
	static struct line_edit l;
	char out[64];

	(void)state;
	line_init(&l);
	type(&l, "EHLO me");
	line_take(&l, out, sizeof out);
	line_set(&l, "MAIL FROM:<a@b>");
	assert_string_equal(l.buf, "MAIL FROM:<a@b>");
	assert_int_equal(l.cursor, l.len);
	type(&l, "!");
	assert_string_equal(l.buf, "MAIL FROM:<a@b>!");
	line_set(&l, "");
	line_key(&l, LK_UP);
	assert_string_equal(l.buf, "EHLO me");
}

static void
long_lines_stop_at_the_limit(void **state)
{
	static struct line_edit l;
	int i;

	(void)state;
	line_init(&l);
	for (i = 0; i < LINE_MAX_BYTES + 50; i++)
		line_insert(&l, 'x');
	assert_int_equal(l.len, LINE_MAX_BYTES);
}

/* Up/Down recall the lines taken only where the line has a history;
 * edit_keys leaves them to the form (its fields). */
static void
history_keys_recall_lines_taken(void **state)
{
	static struct line_edit l;
	char out[64];

	(void)state;
	line_init(&l);
	assert_true(edit_keys_history(&l, 'a', 10, false));
	line_take(&l, out, sizeof out);
	assert_false(edit_keys(&l, KEY_UP, 10, false));
	assert_string_equal(l.buf, "");
	assert_true(edit_keys_history(&l, KEY_UP, 10, false));
	assert_string_equal(l.buf, "a");
	assert_true(edit_keys_history(&l, KEY_BACKSPACE, 10, false));
	assert_string_equal(l.buf, "");
	assert_true(edit_keys_history(&l, 0xc3, 10, true));
	assert_false(edit_keys_history(&l, 0xc3, 10, false));
	assert_false(edit_keys_history(&l, 27, 10, false));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(editing),
		cmocka_unit_test(history),
		cmocka_unit_test(set_keeps_history),
		cmocka_unit_test(long_lines_stop_at_the_limit),
		cmocka_unit_test(history_keys_recall_lines_taken),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
