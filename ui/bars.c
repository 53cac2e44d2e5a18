/* bars.c: the status bar and the key bar, drawn from state and key tables. */
#include <stdio.h>
#include <string.h>

#include "bars.h"
#include "draw.h"
#include "keys.h"
#include "theme.h"

void
statusbar_draw(WINDOW *win, const struct ui_status *st, const char *clock,
    const char *message)
{
	int w = getmaxx(win), attr = theme_attr(ROLE_STATUS);
	char left[256];
	int clock_w = draw_width(clock);

	wattron(win, attr);
	mvwhline(win, 0, 0, ' ', w);
	wattroff(win, attr);
	if (message != NULL && *message != '\0')
		snprintf(left, sizeof left, " %s", message);
	else
		snprintf(left, sizeof left, " punchline  host %s  privs %s  %s",
		    st->host, st->privs, st->lab);
	draw_text(win, 0, 0, w - clock_w - 2, attr, left);
	draw_text(win, 0, w - clock_w - 1, clock_w, attr, clock);
}

void
keybar_draw(WINDOW *win)
{
	const struct key_binding *kb;
	int x = 0, w = getmaxx(win);
	char name[16];

	werase(win);
	for (kb = keys_global; kb->key != 0 && x < w; kb++) {
		if (kb->bar_label == NULL)
			continue;
		keys_name(kb->key, name, sizeof name);
		x += draw_text(win, 0, x, w - x, theme_attr(ROLE_KEYBAR_KEY),
		    name);
		x += draw_text(win, 0, x, w - x,
		    theme_attr(ROLE_KEYBAR_LABEL), kb->bar_label);
		x += draw_text(win, 0, x, w - x, A_NORMAL, " ");
	}
}
