/*
 * line_edit.h: an input line with editing and history, for the Chat
 * pane: insert at the cursor, Backspace/Delete, Left/Right/Home/End,
 * Up/Down through the last LINE_HISTORY lines sent. Pure: bytes in, a
 * string out; no curses.
 */
#ifndef UI_LINE_EDIT_H
#define UI_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_MAX_BYTES	1024
#define LINE_HISTORY	50

enum line_key { LK_LEFT = 1, LK_RIGHT, LK_HOME, LK_END, LK_BACKSPACE,
	LK_DELETE, LK_UP, LK_DOWN };

struct line_edit {
	char	 buf[LINE_MAX_BYTES + 1];
	size_t	 len, cursor;		/* bytes */
	char	 history[LINE_HISTORY][LINE_MAX_BYTES + 1];
	int	 nhistory, browsing;	/* browsing: -1 or an index back */
};

void	 line_init(struct line_edit *);
/* Replaces the text (cursor at its end); the history stays. */
void	 line_set(struct line_edit *, const char *text);
/* A byte typed (UTF-8 sequences arrive byte by byte). */
void	 line_insert(struct line_edit *, char c);
void	 line_key(struct line_edit *, enum line_key);
/* The line, into the history, and the editor emptied. */
void	 line_take(struct line_edit *, char *out, size_t outlen);
/* Drops the newest history line (a secret must not be recalled). */
void	 line_forget_last(struct line_edit *);

#endif
