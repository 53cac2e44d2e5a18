/* bars.h: the status bar (top row) and the key bar (bottom row). */
#ifndef UI_BARS_H
#define UI_BARS_H

#include <curses.h>

/* What the status bar shows; main fills it from core and the engines. */
struct ui_status {
	char	 host[64];
	char	 privs[32];
	char	 lab[48];	/* "lab off", "lab up", "lab up, in alice" */
};

void	 statusbar_draw(WINDOW *, const struct ui_status *, const char *clock,
	     const char *message);
/* F-key labels from the global key table, htop style. */
void	 keybar_draw(WINDOW *);

#endif
