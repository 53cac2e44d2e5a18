/*
 * tui.h: the full-screen interface. It draws pane snapshots and the event
 * log, turns keys into pane actions, and runs inside the core event loop.
 */
#ifndef UI_TUI_H
#define UI_TUI_H

#include <stdbool.h>

#include "bars.h"

struct loop;
struct evlog;
struct theme;

struct tui_config {
	const struct theme	*theme;
	bool			 use_color;	/* false with NO_COLOR */
	bool			 utf8;		/* line drawing characters */
	/* Fills the status bar; called at start and once a second. */
	void			(*status_fn)(struct ui_status *, void *arg);
	void			*status_arg;
};

struct tui;

struct tui	*tui_new(struct loop *, struct evlog *, const struct tui_config *);
/* Takes the terminal (main has checked that there is one); 0. */
int		 tui_start(struct tui *);
void		 tui_free(struct tui *);
/* Something outside a key or an event made a pane dirty (an engine's
 * timer): schedule a frame. */
void		 tui_wake(struct tui *);

#endif
