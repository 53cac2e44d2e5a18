/* help.c: the help screen, generated from the same tables as the key bar. */
#include <string.h>

#include "draw.h"
#include "help.h"
#include "keys.h"
#include "theme.h"

static void
help_text(struct strbuf *sb)
{
	sb_add(sb, "punchline keys (Up/Down scroll, Esc, q or F1 close)\n\n");
	keys_format_all(sb, false);
}

int
help_lines(void)
{
	struct strbuf sb;
	int n = 0;
	size_t i;

	sb_init(&sb);
	help_text(&sb);
	for (i = 0; i < sb.len; i++)
		n += sb.buf[i] == '\n';
	sb_free(&sb);
	return n;
}

void
help_draw(WINDOW *win, int scroll)
{
	int w = getmaxx(win), h = getmaxy(win), y = 1, line = 0;
	struct strbuf sb;
	char *p, *nl;

	sb_init(&sb);
	help_text(&sb);
	werase(win);
	draw_frame(win, "Help", true);
	for (p = sb.buf; p != NULL && *p != '\0' && y < h - 1; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		*nl = '\0';
		if (line++ >= scroll)
			draw_text(win, y++, 2, w - 4, theme_attr(ROLE_HELP), p);
	}
	sb_free(&sb);
}
