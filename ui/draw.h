/* draw.h: clipped text and pane frames, in UTF-8 or plain ASCII. */
#ifndef UI_DRAW_H
#define UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

/* Line drawing with Unicode box characters, or ASCII when false. */
void	 draw_set_utf8(bool);
bool	 draw_utf8(void);
/* Writes s at (y, x), cut to at most maxcols screen columns; returns cols. */
int	 draw_text(WINDOW *, int y, int x, int maxcols, int attr, const char *s);
/* Screen columns s takes (invalid bytes count one each). */
int	 draw_width(const char *s);
/* A border round the whole window with the title set into its top edge. */
void	 draw_frame(WINDOW *, const char *title, bool focused);
/* n values as a sparkline into out (NUL-terminated): bars U+2581..U+2588
 * scaled to max, or "_.-=+*#@" in ASCII; a negative value is a gap. */
void	 draw_sparkline(const float *values, int n, float max, char *out,
	     size_t len);
/* true if the window holds a pane's content: min_h rows, min_w columns.
 * Else says "TITLE: too small (z zooms)" (nothing in an empty window),
 * and the pane draws nothing more. */
bool	 draw_fits(WINDOW *, int min_h, int min_w, const char *title);
/* Word-wraps s into the window from row y; returns the next free row. */
int	 draw_wrapped(WINDOW *, int y, int attr, const char *s);

#endif
