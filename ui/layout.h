/*
 * layout.h: where each pane goes. Pure geometry, no curses, so the unit
 * tests can check every size down to 1x1.
 */
#ifndef UI_LAYOUT_H
#define UI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_ROWS 24

enum layout_mode { LAYOUT_GRID, LAYOUT_STACKED };

struct rect {
	int	 y, x, h, w;
};

bool	 layout_too_small(int rows, int cols);
/* The pane area: the screen less the status bar (top) and key bar (bottom). */
struct rect layout_body(int rows, int cols);
/*
 * Frames (border included) for n panes in body. zoomed is a pane index, or
 * -1; a zoomed pane fills the body and the others get h = w = 0.
 */
void	 layout_frames(struct rect body, enum layout_mode, int zoomed,
	     size_t n, struct rect *out);
/* The pane whose frame holds (y, x), or -1. */
int	 layout_hit(const struct rect *frames, size_t n, int y, int x);

#endif
