/* pane_placeholder.c: what a pane will do, until its engine lands. */
#include "draw.h"
#include "pane_placeholder.h"
#include "theme.h"

void
placeholder_draw(WINDOW *win, const char *const *lines, const char *cli)
{
	int y = 0;

	y = draw_wrapped(win, y, theme_attr(ROLE_WARNING),
	    "Not built yet: this pane shows no data until its engine lands.");
	y++;
	for (; *lines != NULL; lines++)
		y = draw_wrapped(win, y, theme_attr(ROLE_TEXT), *lines);
	if (cli != NULL)
		draw_wrapped(win, y + 1, theme_attr(ROLE_DIM), cli);
}
