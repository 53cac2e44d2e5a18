/* test_form.c: the form fields of the job panes, drawn into a real curses
 * window (on a terminal that writes to /dev/null) and read back, and the
 * keys every form reads alike. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <curses.h>

#include "../../ui/form.h"

static SCREEN *screen;
static FILE *out, *in;

static int
open_screen(void **state)
{
	(void)state;
	setenv("TERM", "xterm", 1);
	if ((out = fopen("/dev/null", "w")) == NULL ||
	    (in = fopen("/dev/null", "r")) == NULL ||
	    (screen = newterm(NULL, out, in)) == NULL)
		return -1;
	return 0;
}

static int
close_screen(void **state)
{
	(void)state;
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);
	return 0;
}

/* Row y of win from column x, n cells, as text. */
static void
cells(WINDOW *win, int y, int x, int n, char *buf)
{
	mvwinnstr(win, y, x, buf, n);
	buf[n] = '\0';
}

static bool
reverse_at(WINDOW *win, int y, int x)
{
	return (mvwinch(win, y, x) & A_REVERSE) != 0;
}

static void
text_field_is_label_then_padded_text(void **state)
{
	static struct line_edit le;
	WINDOW *win = newwin(1, 60, 0, 0);
	char got[61];
	int end;

	(void)state;
	line_init(&le);
	line_set(&le, "127.0.0.1");
	end = form_text(win, 0, 0, 60, "Host ", &le, 12, false);
	assert_int_equal(end, 5 + 12);
	cells(win, 0, 0, 17, got);
	assert_string_equal(got, "Host 127.0.0.1   ");
	assert_false(reverse_at(win, 0, 5));
	assert_true((mvwinch(win, 0, 5) & A_UNDERLINE) != 0);
	delwin(win);
}

static void
focused_field_is_reverse_but_the_cursor_cell(void **state)
{
	static struct line_edit le;
	WINDOW *win = newwin(1, 60, 0, 0);

	(void)state;
	line_init(&le);
	line_set(&le, "abc");
	line_key(&le, LK_LEFT);		/* the cursor on the c */
	form_text(win, 0, 10, 60, "T ", &le, 8, true);
	assert_true(reverse_at(win, 0, 12));
	assert_true(reverse_at(win, 0, 13));
	assert_false(reverse_at(win, 0, 14));	/* the cursor */
	assert_true(reverse_at(win, 0, 15));
	delwin(win);
}

static void
a_long_text_scrolls_to_keep_the_cursor_in_view(void **state)
{
	static struct line_edit le;
	WINDOW *win = newwin(1, 60, 0, 0);
	char got[61];

	(void)state;
	line_init(&le);
	line_set(&le, "0123456789");	/* the cursor after the 9 */
	form_text(win, 0, 0, 60, "", &le, 6, true);
	cells(win, 0, 0, 6, got);
	assert_string_equal(got, "56789 ");
	assert_false(reverse_at(win, 0, 5));
	delwin(win);
}

static void
a_field_is_cut_to_the_window(void **state)
{
	static struct line_edit le;
	WINDOW *win = newwin(1, 20, 0, 0);

	(void)state;
	line_init(&le);
	line_set(&le, "x");
	assert_int_equal(form_text(win, 0, 0, 20, "Target ", &le, 24, false), 20);
	/* Under two columns left: the label only. */
	assert_int_equal(form_text(win, 0, 13, 20, "Ports ", &le, 24, false), 19);
	delwin(win);
}

static void
choice_is_label_then_value_in_brackets(void **state)
{
	WINDOW *win = newwin(1, 60, 0, 0);
	char got[61];
	int end;

	(void)state;
	end = form_choice(win, 0, 3, 60, "Method ", "icmp", true);
	assert_int_equal(end, 3 + 7 + 6);
	cells(win, 0, 3, 13, got);
	assert_string_equal(got, "Method <icmp>");
	assert_false(reverse_at(win, 0, 9));
	assert_true(reverse_at(win, 0, 10));
	assert_true(reverse_at(win, 0, 15));
	form_choice(win, 0, 3, 60, "Method ", "udp", false);
	assert_false(reverse_at(win, 0, 10));
	delwin(win);
}

static void
status_says_what_runs_else_what_was_said(void **state)
{
	WINDOW *win = newwin(1, 40, 0, 0);
	char got[41];

	(void)state;
	form_status(win, 0, 40, "tracing ...", "stopped");
	cells(win, 0, 0, 11, got);
	assert_string_equal(got, "tracing ...");
	werase(win);
	form_status(win, 0, 40, NULL, "stopped");
	cells(win, 0, 0, 11, got);
	assert_string_equal(got, "stopped    ");
	delwin(win);
}

static void
up_and_down_move_round_the_fields(void **state)
{
	int field = 0;

	(void)state;
	assert_true(form_focus_key(&field, 4, KEY_UP));
	assert_int_equal(field, 3);
	assert_true(form_focus_key(&field, 4, KEY_DOWN));
	assert_int_equal(field, 0);
	assert_true(form_focus_key(&field, 4, KEY_DOWN));
	assert_int_equal(field, 1);
	assert_false(form_focus_key(&field, 4, KEY_LEFT));
	assert_false(form_focus_key(&field, 4, 'a'));
	assert_int_equal(field, 1);
}

static void
left_right_and_space_turn_a_choice(void **state)
{
	(void)state;
	assert_int_equal(form_choice_step(KEY_LEFT), -1);
	assert_int_equal(form_choice_step(KEY_RIGHT), 1);
	assert_int_equal(form_choice_step(' '), 1);
	assert_int_equal(form_choice_step('a'), 0);
	assert_int_equal(form_choice_step(KEY_UP), 0);
	assert_int_equal(form_turn(0, -1, 3), 2);
	assert_int_equal(form_turn(2, 1, 3), 0);
	assert_int_equal(form_turn(1, 1, 5), 2);
	assert_int_equal(form_turn(1, 1, 2), 0);
}

static void
text_keys_edit_ascii_up_to_the_limit(void **state)
{
	static struct line_edit le;
	int i;

	(void)state;
	line_init(&le);
	assert_true(form_text_key(&le, 'a'));
	assert_true(form_text_key(&le, KEY_BACKSPACE));
	assert_string_equal(le.buf, "");
	assert_false(form_text_key(&le, 0xc3));		/* no UTF-8 */
	assert_false(form_text_key(&le, KEY_UP));
	for (i = 0; i < FORM_TEXT_MAX + 10; i++)
		form_text_key(&le, 'x');
	assert_int_equal(le.len, FORM_TEXT_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_field_is_label_then_padded_text),
		cmocka_unit_test(focused_field_is_reverse_but_the_cursor_cell),
		cmocka_unit_test(a_long_text_scrolls_to_keep_the_cursor_in_view),
		cmocka_unit_test(a_field_is_cut_to_the_window),
		cmocka_unit_test(choice_is_label_then_value_in_brackets),
		cmocka_unit_test(status_says_what_runs_else_what_was_said),
		cmocka_unit_test(up_and_down_move_round_the_fields),
		cmocka_unit_test(left_right_and_space_turn_a_choice),
		cmocka_unit_test(text_keys_edit_ascii_up_to_the_limit),
	};

	return cmocka_run_group_tests(tests, open_screen, close_screen);
}
