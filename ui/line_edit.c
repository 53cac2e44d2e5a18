/* line_edit.c: the input line (see line_edit.h). */
#include <stdio.h>
#include <string.h>

#include "line_edit.h"

void
line_init(struct line_edit *l)
{
	memset(l, 0, sizeof *l);
	l->browsing = -1;
}

void
line_set(struct line_edit *l, const char *text)
{
	l->len = l->cursor = 0;
	l->buf[0] = '\0';
	l->browsing = -1;
	while (*text != '\0')
		line_insert(l, *text++);
}

void
line_insert(struct line_edit *l, char c)
{
	if (l->len >= LINE_MAX_BYTES)
		return;
	memmove(l->buf + l->cursor + 1, l->buf + l->cursor, l->len - l->cursor);
	l->buf[l->cursor++] = c;
	l->buf[++l->len] = '\0';
}

/* UTF-8 continuation bytes: the cursor moves over whole characters. */
static bool
continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

static void
delete_at(struct line_edit *l, size_t at)
{
	size_t end = at + 1;

	while (end < l->len && continuation(l->buf[end]))
		end++;
	memmove(l->buf + at, l->buf + end, l->len - end);
	l->len -= end - at;
	l->buf[l->len] = '\0';
}

static void
recall(struct line_edit *l, int back)
{
	l->browsing = back;
	if (back < 0)
		l->buf[0] = '\0';
	else
		memcpy(l->buf, l->history[(l->nhistory - 1 - back) % LINE_HISTORY],
		    sizeof l->buf);
	l->len = l->cursor = strlen(l->buf);
}

void
line_key(struct line_edit *l, enum line_key k)
{
	int kept = l->nhistory < LINE_HISTORY ? l->nhistory : LINE_HISTORY;

	switch (k) {
	case LK_LEFT:
		while (l->cursor > 0 && continuation(l->buf[--l->cursor]))
			;
		break;
	case LK_RIGHT:
		while (l->cursor < l->len && continuation(l->buf[++l->cursor]))
			;
		break;
	case LK_HOME:	l->cursor = 0; break;
	case LK_END:	l->cursor = l->len; break;
	case LK_BACKSPACE:
		if (l->cursor == 0)
			break;
		line_key(l, LK_LEFT);
		delete_at(l, l->cursor);
		break;
	case LK_DELETE:
		if (l->cursor < l->len)
			delete_at(l, l->cursor);
		break;
	case LK_UP:
		if (l->browsing + 1 < kept)
			recall(l, l->browsing + 1);
		break;
	case LK_DOWN:
		if (l->browsing >= 0)
			recall(l, l->browsing - 1);
		break;
	}
}

void
line_take(struct line_edit *l, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", l->buf);
	if (l->len > 0) {
		memcpy(l->history[l->nhistory % LINE_HISTORY], l->buf, sizeof l->buf);
		l->nhistory++;
	}
	l->buf[0] = '\0';
	l->len = l->cursor = 0;
	l->browsing = -1;
}

void
line_forget_last(struct line_edit *l)
{
	if (l->nhistory == 0)
		return;
	l->nhistory--;
	memset(l->history[l->nhistory % LINE_HISTORY], 0, LINE_MAX_BYTES + 1);
}
