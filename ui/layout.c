/* layout.c: the 2x2 grid, the stacked layout and zoom, as rectangles. */
#include "layout.h"

bool
layout_too_small(int rows, int cols)
{
	return rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
}

struct rect
layout_body(int rows, int cols)
{
	struct rect r = { 1, 0, rows - 2, cols };

	if (r.h < 0)
		r.h = 0;
	if (r.w < 0)
		r.w = 0;
	return r;
}

/* Splits len into parts; the first parts take the remainder. */
static void
split(int start, int len, int parts, int index, int *pos, int *size)
{
	int base = len / parts, extra = len % parts;

	*size = base + (index < extra ? 1 : 0);
	*pos = start + index * base + (index < extra ? index : extra);
}

static void
grid(struct rect body, size_t n, struct rect *out)
{
	int cols = n > 1 ? 2 : 1;
	int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
	size_t i;

	for (i = 0; i < n; i++) {
		split(body.y, body.h, rows, (int)i / cols, &out[i].y, &out[i].h);
		split(body.x, body.w, cols, (int)i % cols, &out[i].x, &out[i].w);
	}
}

static void
stacked(struct rect body, size_t n, struct rect *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		split(body.y, body.h, (int)n, (int)i, &out[i].y, &out[i].h);
		out[i].x = body.x;
		out[i].w = body.w;
	}
}

void
layout_frames(struct rect body, enum layout_mode mode, int zoomed, size_t n,
    struct rect *out)
{
	size_t i;

	if (n == 0)
		return;
	if (zoomed >= 0 && (size_t)zoomed < n) {
		for (i = 0; i < n; i++)
			out[i] = (struct rect){ body.y, body.x, 0, 0 };
		out[zoomed] = body;
		return;
	}
	if (mode == LAYOUT_STACKED)
		stacked(body, n, out);
	else
		grid(body, n, out);
}

int
layout_hit(const struct rect *frames, size_t n, int y, int x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (y >= frames[i].y && y < frames[i].y + frames[i].h &&
		    x >= frames[i].x && x < frames[i].x + frames[i].w)
			return (int)i;
	return -1;
}
