/*
 * edit_keys.h: curses keys for a line_edit (which knows no curses):
 * Left, Right, Home, End, Backspace, Delete, and printable bytes
 * (UTF-8 too when utf8 is true) while the line is under max bytes;
 * Up and Down for the history where the line has one.
 */
#ifndef UI_EDIT_KEYS_H
#define UI_EDIT_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "line_edit.h"

/* true if ch was an editing key and went to the line. */
bool	 edit_keys(struct line_edit *, int ch, size_t max, bool utf8);
/* The same, and Up/Down through the lines taken before: for an input
 * line with history (Chat, the Mail session, the Sockets filter), not a
 * form field (where Up/Down move between the fields). */
bool	 edit_keys_history(struct line_edit *, int ch, size_t max, bool utf8);

#endif
