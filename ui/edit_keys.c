/* edit_keys.c: curses keys for a line_edit (see edit_keys.h). */
#include <curses.h>

#include "edit_keys.h"

bool
edit_keys(struct line_edit *le, int ch, size_t max, bool utf8)
{
	static const struct { int key; enum line_key lk; } map[] = {
		{ KEY_LEFT, LK_LEFT }, { KEY_RIGHT, LK_RIGHT },
		{ KEY_HOME, LK_HOME }, { KEY_END, LK_END },
		{ KEY_BACKSPACE, LK_BACKSPACE }, { 127, LK_BACKSPACE },
		{ 8, LK_BACKSPACE }, { KEY_DC, LK_DELETE },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].key == ch) {
			line_key(le, map[i].lk);
			return true;
		}
	if (((ch >= 0x20 && ch < 0x7f) || (utf8 && ch >= 0x80 && ch <= 0xff)) &&
	    le->len < max) {
		line_insert(le, (char)ch);
		return true;
	}
	return false;
}

bool
edit_keys_history(struct line_edit *le, int ch, size_t max, bool utf8)
{
	if (ch == KEY_UP || ch == KEY_DOWN) {
		line_key(le, ch == KEY_UP ? LK_UP : LK_DOWN);
		return true;
	}
	return edit_keys(le, ch, max, utf8);
}
