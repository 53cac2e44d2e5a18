/* help.h: the F1 screen, every key of every pane, from the key tables. */
#ifndef UI_HELP_H
#define UI_HELP_H

#include <stdbool.h>
#include <curses.h>

void	 help_draw(WINDOW *, int scroll);
/* Lines of help text, so the caller can bound scrolling. */
int	 help_lines(void);

#endif
