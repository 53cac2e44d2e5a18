/* draw.c: text clipped by screen columns, frames and word wrapping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "theme.h"

static bool use_utf8;

void
draw_set_utf8(bool on)
{
	use_utf8 = on;
}

bool
draw_utf8(void)
{
	return use_utf8;
}

void
draw_sparkline(const float *values, int n, float max, char *out, size_t len)
{
	static const char *const bars[] = { "\u2581", "\u2582", "\u2583",
	    "\u2584", "\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[] = "_.-=+*#@";
	size_t at = 0;
	int i, level;

	if (len == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < n && at + 4 < len; i++) {
		level = values[i] < 0 || max <= 0 ? -1 :
		    (int)(values[i] / max * 7.99f);
		if (level > 7)
			level = 7;
		if (level < 0)
			out[at++] = ' ';
		else if (use_utf8)
			at += (size_t)snprintf(out + at, len - at, "%s",
			    bars[level]);
		else
			out[at++] = ascii[level];
		out[at] = '\0';
	}
}

/* Bytes of s that fit in maxcols columns, and the columns they take. */
static size_t
fit(const char *s, int maxcols, int *cols)
{
	mbstate_t st;
	size_t pos = 0, len = strlen(s), n;
	wchar_t wc;
	int w;

	memset(&st, 0, sizeof st);
	*cols = 0;
	while (pos < len) {
		n = mbrtowc(&wc, s + pos, len - pos, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			n = 1;
			w = 1;
		} else if ((w = wcwidth(wc)) < 0)
			w = 1;
		if (*cols + w > maxcols)
			break;
		*cols += w;
		pos += n;
	}
	return pos;
}

int
draw_width(const char *s)
{
	int cols;

	fit(s, 1 << 30, &cols);
	return cols;
}

int
draw_text(WINDOW *win, int y, int x, int maxcols, int attr, const char *s)
{
	int cols, maxx = getmaxx(win);
	size_t n;

	if (y < 0 || y >= getmaxy(win) || x < 0 || x >= maxx || maxcols <= 0)
		return 0;
	if (maxcols > maxx - x)
		maxcols = maxx - x;
	n = fit(s, maxcols, &cols);
	wattron(win, attr);
	mvwaddnstr(win, y, x, s, (int)n);
	wattroff(win, attr);
	return cols;
}

static void
set_cell(cchar_t *c, wchar_t wc, int attr)
{
	wchar_t s[2] = { wc, L'\0' };

	setcchar(c, s, (attr_t)attr, (short)PAIR_NUMBER(attr), NULL);
}

static void
border_utf8(WINDOW *win, int attr)
{
	cchar_t v, h, tl, tr, bl, br;

	set_cell(&v, L'\x2502', attr);
	set_cell(&h, L'\x2500', attr);
	set_cell(&tl, L'\x250c', attr);
	set_cell(&tr, L'\x2510', attr);
	set_cell(&bl, L'\x2514', attr);
	set_cell(&br, L'\x2518', attr);
	wborder_set(win, &v, &v, &h, &h, &tl, &tr, &bl, &br);
}

void
draw_frame(WINDOW *win, const char *title, bool focused)
{
	int attr = theme_attr(focused ? ROLE_BORDER_FOCUS : ROLE_BORDER);
	int tattr = theme_attr(focused ? ROLE_TITLE_FOCUS : ROLE_TITLE);
	int w = getmaxx(win), x;

	if (use_utf8)
		border_utf8(win, attr);
	else {
		wattron(win, attr);
		wborder(win, '|', '|', '-', '-', '+', '+', '+', '+');
		wattroff(win, attr);
	}
	/* Focus shows as text too, for monochrome terminals and NO_COLOR. */
	if (w > 6) {
		x = 2 + draw_text(win, 0, 2, w - 4, tattr, focused ? "[ " : " ");
		x += draw_text(win, 0, x, w - 2 - x, tattr, title);
		draw_text(win, 0, x, w - 2 - x, tattr, focused ? " ]" : " ");
	}
}

/* Length in bytes of the next line of s that fits in cols columns. */
static size_t
wrap_len(const char *s, int cols)
{
	int used;
	size_t n = fit(s, cols, &used), cut;

	if (s[n] == '\0' || s[n] == ' ')
		return n;
	for (cut = n; cut > 0 && s[cut] != ' '; cut--)
		;
	return cut == 0 ? n : cut;
}

int
draw_wrapped(WINDOW *win, int y, int attr, const char *s)
{
	int cols = getmaxx(win), rows = getmaxy(win);
	char line[512];
	size_t n;

	while (*s != '\0' && y < rows && cols > 0) {
		n = wrap_len(s, cols);
		if (n == 0)
			n = 1;
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, s, n);
		line[n] = '\0';
		draw_text(win, y++, 0, cols, attr, line);
		s += n;
		while (*s == ' ')
			s++;
	}
	return y;
}

bool
draw_fits(WINDOW *win, int min_h, int min_w, const char *title)
{
	char msg[64];
	int h = getmaxy(win), w = getmaxx(win);

	if (h >= min_h && w >= min_w)
		return true;
	snprintf(msg, sizeof msg, "%s: too small (z zooms)", title);
	draw_text(win, 0, 0, w, theme_attr(ROLE_WARNING), msg);
	return false;
}
