/*
 * pane_placeholder.h: the honest stand-in for a pane whose engine has not
 * landed yet. It says what the pane will do and that it is not built yet,
 * and shows no data at all.
 */
#ifndef UI_PANE_PLACEHOLDER_H
#define UI_PANE_PLACEHOLDER_H

#include <curses.h>

struct pane;

/* Draws the lines word-wrapped, then "not built yet", then a hint line. */
void	 placeholder_draw(WINDOW *, const char *const *lines, const char *cli);

#endif
