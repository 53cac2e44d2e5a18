/* form.c: fields and keys of the job panes' forms (see form.h). */
#include <stdio.h>

#include "draw.h"
#include "edit_keys.h"
#include "form.h"
#include "theme.h"

int
form_text(WINDOW *win, int y, int x, int w, const char *label,
    const struct line_edit *le, int width, bool focused)
{
	char shown[LINE_MAX_BYTES + 1];
	size_t from = 0;
	int attr = theme_attr(ROLE_TEXT) | (focused ? A_REVERSE : A_UNDERLINE);

	x += draw_text(win, y, x, w - x, theme_attr(ROLE_DIM), label);
	if (width > w - x)
		width = w - x;
	if (width < 2)
		return x;
	if (le->cursor >= (size_t)width)	/* keep the cursor in view */
		from = le->cursor - (size_t)width + 1;
	snprintf(shown, sizeof shown, "%-*.*s", width, width, le->buf + from);
	draw_text(win, y, x, width, attr, shown);
	if (focused)
		mvwchgat(win, y, x + (int)(le->cursor - from), 1, A_NORMAL, 0,
		    NULL);
	return x + width;
}

int
form_choice(WINDOW *win, int y, int x, int w, const char *label,
    const char *value, bool focused)
{
	char shown[64];

	x += draw_text(win, y, x, w - x, theme_attr(ROLE_DIM), label);
	snprintf(shown, sizeof shown, "<%s>", value);
	return x + draw_text(win, y, x, w - x, theme_attr(ROLE_TEXT) |
	    (focused ? A_REVERSE : 0), shown);
}

void
form_status(WINDOW *win, int y, int w, const char *doing, const char *said)
{
	draw_text(win, y, 0, w, theme_attr(doing != NULL ? ROLE_STATUS :
	    ROLE_WARNING), doing != NULL ? doing : said);
}

bool
form_focus_key(int *field, int nfields, int ch)
{
	if (ch != KEY_UP && ch != KEY_DOWN)
		return false;
	*field = form_turn(*field, ch == KEY_UP ? -1 : 1, nfields);
	return true;
}

bool
form_text_key(struct line_edit *le, int ch)
{
	return edit_keys(le, ch, FORM_TEXT_MAX, false);
}

int
form_choice_step(int ch)
{
	if (ch == KEY_LEFT)
		return -1;
	return ch == KEY_RIGHT || ch == ' ' ? 1 : 0;
}

int
form_turn(int value, int step, int n)
{
	return ((value + step) % n + n) % n;
}
