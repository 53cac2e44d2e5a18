/* tui.c: screen set-up, key dispatch, focus, zoom, and the frame flush. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <curses.h>

#include "../src/core/error.h"
#include "../src/core/evlog.h"
#include "../src/core/loop.h"
#include "draw.h"
#include "help.h"
#include "layout.h"
#include "pane.h"
#include "panes.h"
#include "term.h"
#include "theme.h"
#include "tui.h"

#define TUI_MAX_PANES	8
#define TUI_MAX_VIEWS	4
#define FRAME_INTERVAL	(1.0 / 30)	/* at most ~30 frames a second */

struct slot {
	struct pane	 pane;
	WINDOW		*frame;		/* border and title */
	WINDOW		*content;	/* inside the border */
	struct rect	 rect;
};

struct tui {
	struct loop		*loop;
	struct evlog		*log;
	struct tui_config	 cfg;
	struct slot		 slots[TUI_MAX_PANES];
	size_t			 nslots;
	/* A view not on screen, or the pane it stands in for. */
	struct pane		 parked[TUI_MAX_VIEWS];
	int			 view_slot[TUI_MAX_VIEWS];	/* -1: parked */
	size_t			 nviews;
	WINDOW			*status, *keybar, *help, *input;
	struct ui_status	 info;
	int			 rows, cols;
	int			 focus, zoomed, help_scroll;
	enum layout_mode	 mode;
	bool			 started, too_small, help_open, quit_asked;
	bool			 status_dirty, keybar_dirty, help_dirty;
	char			 message[160];
	struct event		*stdin_ev, *frame_ev, *clock_ev;
	bool			 frame_pending;
	double			 last_frame;
};

static void	schedule_frame(struct tui *);

static void
mark_all(struct tui *t)
{
	size_t i;

	for (i = 0; i < t->nslots; i++)
		t->slots[i].pane.dirty = true;
	t->status_dirty = t->keybar_dirty = t->help_dirty = true;
	schedule_frame(t);
}

static void
free_windows(struct tui *t)
{
	WINDOW **wins[] = { &t->status, &t->keybar, &t->help };
	size_t i;

	for (i = 0; i < t->nslots; i++) {
		if (t->slots[i].content != NULL)
			delwin(t->slots[i].content);
		if (t->slots[i].frame != NULL)
			delwin(t->slots[i].frame);
		t->slots[i].content = t->slots[i].frame = NULL;
		t->slots[i].pane.visible = false;
	}
	for (i = 0; i < sizeof wins / sizeof wins[0]; i++) {
		if (*wins[i] != NULL)
			delwin(*wins[i]);
		*wins[i] = NULL;
	}
}

static void
place_pane(struct slot *s)
{
	struct rect r = s->rect;
	struct pane *p = &s->pane;

	p->visible = r.h >= 3 && r.w >= 3;
	if (!p->visible)
		return;
	s->frame = newwin(r.h, r.w, r.y, r.x);
	s->content = newwin(r.h - 2, r.w - 2, r.y + 1, r.x + 1);
	if (s->frame == NULL || s->content == NULL)
		fatalx("cannot make a %dx%d window", r.w, r.h);
	p->y = r.y + 1;
	p->x = r.x + 1;
	p->h = r.h - 2;
	p->w = r.w - 2;
	if (p->ops->resize != NULL)
		p->ops->resize(p);
}

static void
place_help(struct tui *t)
{
	int h = t->rows - 4, w = t->cols - 8;

	if (w > 76)
		w = 76;
	t->help = newwin(h, w, 2, (t->cols - w) / 2);
	if (t->help == NULL)
		fatalx("cannot make the help window");
}

/* Rebuilds every window for the current size, layout and zoom. */
static void
relayout(struct tui *t)
{
	struct rect frames[TUI_MAX_PANES];
	size_t i;

	free_windows(t);
	t->too_small = layout_too_small(t->rows, t->cols);
	clearok(curscr, TRUE);
	if (!t->too_small) {
		t->status = newwin(1, t->cols, 0, 0);
		t->keybar = newwin(1, t->cols, t->rows - 1, 0);
		if (t->status == NULL || t->keybar == NULL)
			fatalx("cannot make the bars");
		layout_frames(layout_body(t->rows, t->cols), t->mode,
		    t->zoomed, t->nslots, frames);
		for (i = 0; i < t->nslots; i++) {
			t->slots[i].rect = frames[i];
			place_pane(&t->slots[i]);
		}
		place_help(t);
	}
	mark_all(t);
}

/* Centred, and wrapped when even the message is wider than the screen. */
static void
draw_too_small(struct tui *t)
{
	char msg[96];
	int len, y, x;

	snprintf(msg, sizeof msg, "terminal too small (have %dx%d, need %dx%d)",
	    t->cols, t->rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	len = (int)strlen(msg);
	werase(stdscr);
	if (len < t->cols) {
		y = t->rows / 2;
		x = (t->cols - len) / 2;
		draw_text(stdscr, y, x, t->cols - x, theme_attr(ROLE_WARNING),
		    msg);
	} else	/* the bottom-right cell stays empty: writing it scrolls */
		draw_wrapped(stdscr, 0, theme_attr(ROLE_WARNING), msg);
	wnoutrefresh(stdscr);
}

static void
draw_pane(struct tui *t, struct slot *s)
{
	struct pane *p = &s->pane;

	p->focused = (int)(s - t->slots) == t->focus;
	werase(s->frame);
	draw_frame(s->frame, p->ops->title, p->focused);
	wnoutrefresh(s->frame);
	werase(s->content);
	p->ops->draw(p, s->content);
	wnoutrefresh(s->content);
	p->dirty = false;
}

static void
clock_text(char *buf, size_t len)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(buf, len, "%H:%M:%S", &tm);
}

static void
draw_bars(struct tui *t)
{
	char clock[16];

	if (t->status_dirty) {
		clock_text(clock, sizeof clock);
		statusbar_draw(t->status, &t->info, clock, t->message);
		wnoutrefresh(t->status);
		t->status_dirty = false;
	}
	if (t->keybar_dirty) {
		keybar_draw(t->keybar);
		wnoutrefresh(t->keybar);
		t->keybar_dirty = false;
	}
}

/* One frame: draw what is dirty, then one doupdate. */
static void
flush_frame(struct tui *t)
{
	size_t i;

	t->last_frame = clock_mono();
	if (t->too_small) {
		draw_too_small(t);
		doupdate();
		return;
	}
	draw_bars(t);
	for (i = 0; i < t->nslots; i++)
		if (t->slots[i].pane.visible && t->slots[i].pane.dirty) {
			draw_pane(t, &t->slots[i]);
			t->help_dirty = true;	/* it was drawn over */
		}
	if (t->help_open && t->help_dirty) {
		help_draw(t->help, t->help_scroll);
		touchwin(t->help);
		wnoutrefresh(t->help);
		t->help_dirty = false;
	}
	doupdate();
}

static void
on_frame(evutil_socket_t fd, short what, void *arg)
{
	struct tui *t = arg;

	(void)fd;
	(void)what;
	t->frame_pending = false;
	flush_frame(t);
}

static void
schedule_frame(struct tui *t)
{
	double wait;
	struct timeval tv;

	if (!t->started || t->frame_pending)
		return;
	wait = t->last_frame + FRAME_INTERVAL - clock_mono();
	if (wait < 0)
		wait = 0;
	tv.tv_sec = 0;
	tv.tv_usec = (suseconds_t)(wait * 1e6);
	evtimer_add(t->frame_ev, &tv);
	t->frame_pending = true;
}

static void
set_focus(struct tui *t, int index)
{
	int n = (int)t->nslots;

	index = ((index % n) + n) % n;
	if (index == t->focus)
		return;
	t->slots[t->focus].pane.dirty = true;
	t->slots[index].pane.dirty = true;
	t->focus = index;
	if (t->zoomed >= 0) {
		t->zoomed = index;
		relayout(t);
	}
	schedule_frame(t);
}

static const char *
busy_reason(struct tui *t)
{
	const char *why;
	size_t i;

	for (i = 0; i < t->nslots + t->nviews; i++) {
		struct pane *p = i < t->nslots ? &t->slots[i].pane :
		    &t->parked[i - t->nslots];

		if (p->ops->busy != NULL && (why = p->ops->busy(p)) != NULL)
			return why;
	}
	return NULL;
}

static void
ask_quit(struct tui *t)
{
	const char *why = busy_reason(t);

	if (why == NULL) {
		loop_exit(t->loop);
		return;
	}
	snprintf(t->message, sizeof t->message,
	    "Quit? %s is still running. y/n", why);
	t->quit_asked = true;
	t->status_dirty = true;
	schedule_frame(t);
}

static void
toggle_help(struct tui *t)
{
	t->help_open = !t->help_open;
	t->help_scroll = 0;
	if (t->help_open) {
		t->help_dirty = true;
		schedule_frame(t);
	} else
		mark_all(t);
}

/* Swaps view v with what its slot (or the focused slot) shows. */
static void
swap_view(struct tui *t, size_t v, int slot)
{
	struct pane tmp = t->slots[slot].pane;

	t->slots[slot].pane = t->parked[v];
	t->parked[v] = tmp;
	t->parked[v].visible = t->parked[v].focused = false;
	t->view_slot[v] = t->view_slot[v] >= 0 ? -1 : slot;
}

/* A view in place of the focused pane; the same key puts the pane back.
 * A view shown elsewhere moves here; a slot shows one view at a time. */
static void
toggle_view(struct tui *t, size_t v)
{
	size_t u;

	if (v >= t->nviews)
		return;
	if (t->view_slot[v] == t->focus) {
		swap_view(t, v, t->focus);
	} else {
		if (t->view_slot[v] >= 0)
			swap_view(t, v, t->view_slot[v]);
		for (u = 0; u < t->nviews; u++)
			if (t->view_slot[u] == t->focus)
				swap_view(t, u, t->focus);
		swap_view(t, v, t->focus);
	}
	relayout(t);
}

static void
run_global(struct tui *t, int action)
{
	switch (action) {
	case ACT_HELP:		toggle_help(t); break;
	case ACT_NEXT_PANE:	set_focus(t, t->focus + 1); break;
	case ACT_PREV_PANE:	set_focus(t, t->focus - 1); break;
	case ACT_FOCUS_1: case ACT_FOCUS_2: case ACT_FOCUS_3: case ACT_FOCUS_4:
		if ((size_t)(action - ACT_FOCUS_1) < t->nslots)
			set_focus(t, action - ACT_FOCUS_1);
		break;
	case ACT_LAYOUT:
		t->mode = t->mode == LAYOUT_GRID ? LAYOUT_STACKED : LAYOUT_GRID;
		relayout(t);
		break;
	case ACT_ZOOM:
		t->zoomed = t->zoomed >= 0 ? -1 : t->focus;
		relayout(t);
		break;
	case ACT_REDRAW:	relayout(t); break;
	case ACT_QUIT:		ask_quit(t); break;
	case ACT_VIEW_1: case ACT_VIEW_2: case ACT_VIEW_3:
		toggle_view(t, (size_t)(action - ACT_VIEW_1));
		break;
	}
}

static void
help_key(struct tui *t, int ch)
{
	int max = help_lines() - 1;

	switch (ch) {
	case KEY_UP:	t->help_scroll--; break;
	case KEY_DOWN:	t->help_scroll++; break;
	case KEY_PPAGE:	t->help_scroll -= 10; break;
	case KEY_NPAGE:	t->help_scroll += 10; break;
	case 27: case 'q': case '?': case KEY_F(1):
		toggle_help(t);
		return;
	default:
		return;
	}
	if (t->help_scroll > max)
		t->help_scroll = max;
	if (t->help_scroll < 0)
		t->help_scroll = 0;
	t->help_dirty = true;
	schedule_frame(t);
}

static void
mouse_key(struct tui *t)
{
	MEVENT me;
	struct rect frames[TUI_MAX_PANES];
	size_t i;
	int hit;

	if (getmouse(&me) != OK || t->help_open || t->too_small)
		return;
	if (!(me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	for (i = 0; i < t->nslots; i++)
		frames[i] = t->slots[i].pane.visible ? t->slots[i].rect :
		    (struct rect){ 0, 0, 0, 0 };
	if ((hit = layout_hit(frames, t->nslots, me.y, me.x)) >= 0)
		set_focus(t, hit);
}

/*
 * Keys that only the screen uses (F-keys, Tab) go first; then the focused
 * pane's table, so a pane with an input line can take letters; then the
 * global letters (q, z, l, ?).
 */
static void
dispatch_key(struct tui *t, int ch)
{
	const struct key_binding *global = keys_lookup(keys_global, ch), *kb;
	struct pane *p = &t->slots[t->focus].pane;

	if (global != NULL && (ch > 0x7e || ch == '\t' || ch == 12)) {
		run_global(t, global->action);
		return;
	}
	if (p->ops->text != NULL && p->ops->text(p, ch)) {
		if (p->dirty)
			schedule_frame(t);
		return;
	}
	kb = keys_lookup(p->ops->keys, ch);
	if (kb != NULL && p->ops->action != NULL && p->ops->action(p, kb->action)) {
		if (p->dirty)
			schedule_frame(t);
		return;
	}
	if (global != NULL)
		run_global(t, global->action);
}

static void
handle_key(struct tui *t, int ch)
{
	if (ch == KEY_RESIZE)
		return;		/* handled on SIGWINCH */
	if (t->quit_asked) {
		t->quit_asked = false;
		t->message[0] = '\0';
		t->status_dirty = true;
		schedule_frame(t);
		if (ch == 'y' || ch == 'Y')
			loop_exit(t->loop);
		return;
	}
	if (ch == KEY_MOUSE)
		mouse_key(t);
	else if (t->help_open)
		help_key(t, ch);
	else if (!t->too_small)
		dispatch_key(t, ch);
	else if (ch == 'q' || ch == KEY_F(10))
		loop_exit(t->loop);
}

static void
on_input(evutil_socket_t fd, short what, void *arg)
{
	struct tui *t = arg;
	int ch;

	(void)fd;
	(void)what;
	while ((ch = wgetch(t->input)) != ERR)
		handle_key(t, ch);
}

static void
on_clock(evutil_socket_t fd, short what, void *arg)
{
	struct tui *t = arg;

	(void)fd;
	(void)what;
	if (t->cfg.status_fn != NULL)
		t->cfg.status_fn(&t->info, t->cfg.status_arg);
	t->status_dirty = true;
	schedule_frame(t);
}

static void
on_winch(int sig, void *arg)
{
	struct tui *t = arg;
	struct winsize ws;

	(void)sig;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return;
	t->rows = ws.ws_row;
	t->cols = ws.ws_col;
	resizeterm(t->rows, t->cols);
	relayout(t);
}

static void
on_stop_signal(int sig, void *arg)
{
	struct tui *t = arg;

	(void)sig;
	loop_exit(t->loop);
}

static void
on_event(const struct ev *ev, void *arg)
{
	struct tui *t = arg;
	struct pane *p;
	size_t i;

	for (i = 0; i < t->nslots + t->nviews; i++) {
		p = i < t->nslots ? &t->slots[i].pane : &t->parked[i - t->nslots];
		if (p->ops->on_event != NULL)
			p->ops->on_event(p, ev);
		if (p->dirty && i < t->nslots)
			schedule_frame(t);
	}
}

void
tui_wake(struct tui *t)
{
	size_t i;

	for (i = 0; i < t->nslots; i++)
		if (t->slots[i].pane.dirty) {
			schedule_frame(t);
			return;
		}
}

struct tui *
tui_new(struct loop *loop, struct evlog *log, const struct tui_config *cfg)
{
	struct tui *t = xcalloc(1, sizeof *t);
	size_t i;

	t->loop = loop;
	t->log = log;
	t->cfg = *cfg;
	t->zoomed = -1;
	t->nslots = panes_count < TUI_MAX_PANES ? panes_count : TUI_MAX_PANES;
	for (i = 0; i < t->nslots; i++) {
		t->slots[i].pane.ops = panes_all[i];
		if (panes_all[i]->init != NULL)
			panes_all[i]->init(&t->slots[i].pane);
	}
	t->nviews = views_count < TUI_MAX_VIEWS ? views_count : TUI_MAX_VIEWS;
	for (i = 0; i < t->nviews; i++) {
		t->view_slot[i] = -1;
		t->parked[i].ops = views_all[i];
		if (views_all[i]->init != NULL)
			views_all[i]->init(&t->parked[i]);
	}
	return t;
}

static void
init_curses(struct tui *t)
{
	initscr();
	if (t->cfg.use_color && has_colors()) {
		start_color();
		use_default_colors();
	} else
		t->cfg.use_color = false;
	theme_apply(t->cfg.theme, t->cfg.use_color);
	draw_set_utf8(t->cfg.utf8);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	mouseinterval(0);
	/* A 1x1 window only for input: wgetch() never repaints a pane. */
	if ((t->input = newwin(1, 1, 0, 0)) == NULL)
		fatalx("cannot make the input window");
	keypad(t->input, TRUE);
	nodelay(t->input, TRUE);
	getmaxyx(stdscr, t->rows, t->cols);
}

int
tui_start(struct tui *t)
{
	struct event_base *base = loop_base(t->loop);
	struct timeval second = { 1, 0 };

	/* Before initscr(), so curses leaves these signals to the loop. */
	loop_on_signal(t->loop, SIGWINCH, on_winch, t);
	loop_on_signal(t->loop, SIGINT, on_stop_signal, t);
	loop_on_signal(t->loop, SIGTERM, on_stop_signal, t);
	term_save();
	error_set_cleanup(term_restore);
	term_install_crash_restore();
	set_escdelay(25);
	init_curses(t);
	t->stdin_ev = event_new(base, STDIN_FILENO, EV_READ | EV_PERSIST,
	    on_input, t);
	t->frame_ev = evtimer_new(base, on_frame, t);
	t->clock_ev = event_new(base, -1, EV_PERSIST, on_clock, t);
	if (t->stdin_ev == NULL || t->frame_ev == NULL || t->clock_ev == NULL)
		fatalx("cannot make the screen's events");
	event_add(t->stdin_ev, NULL);
	event_add(t->clock_ev, &second);
	evlog_subscribe(t->log, on_event, t);
	t->started = true;
	on_clock(-1, 0, t);
	relayout(t);
	return 0;
}

void
tui_free(struct tui *t)
{
	size_t i;

	if (t == NULL)
		return;
	if (t->started) {
		free_windows(t);
		delwin(t->input);
		event_free(t->stdin_ev);
		event_free(t->frame_ev);
		event_free(t->clock_ev);
		evlog_unsubscribe(t->log, on_event, t);
		error_cleanup();
	}
	for (i = 0; i < t->nslots; i++)
		if (t->slots[i].pane.ops->free != NULL)
			t->slots[i].pane.ops->free(&t->slots[i].pane);
	for (i = 0; i < t->nviews; i++)
		if (t->parked[i].ops->free != NULL)
			t->parked[i].ops->free(&t->parked[i]);
	free(t);
}
